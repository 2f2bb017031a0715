package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.cli.Cli.Run;
import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokenDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/** {@code flotilla token}: what it prints passes the very check the services make. */
class TokenCommandTest {

  static final String SECRET = "an operator's secret of thirty-two bytes or more";
  static final Map<String, String> ENVIRONMENT = Map.of("FLOTILLA_SERVICE_SECRET", SECRET);

  @Test
  void aTokenForHardwarePassesHardwaresCheckForFiveMinutes() {
    Run run = Cli.run(ENVIRONMENT, "token", "hardware");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).endsWith("\n").doesNotContain(" ");
    Jwt token =
        ServiceTokenDecoder.forService(ServiceSecret.key(SECRET), "hardware")
            .decode(run.out().strip());
    assertThat(token.getSubject()).isEqualTo("operator");
    assertThat(token.getAudience()).isEqualTo(List.of("hardware"));
    assertThat(token.getExpiresAt())
        .isBetween(Instant.now().plusSeconds(4 * 60), Instant.now().plusSeconds(5 * 60 + 1));
  }

  @Test
  void aTokenForOneServiceFailsAnothersCheck() {
    String token = Cli.run(ENVIRONMENT, "token", "hardware").out().strip();

    assertThatThrownBy(
            () -> ServiceTokenDecoder.forService(ServiceSecret.key(SECRET), "tweets").decode(token))
        .isInstanceOf(JwtException.class);
  }

  @Test
  void withoutTheVariableTheSecretIsTheOneTheLauncherWrote(@TempDir Path data) throws Exception {
    Files.writeString(data.resolve("service-secret"), SECRET);

    Run run = Cli.run(Map.of("FLOTILLA_DATA_DIR", data.toString()), "token", "tweets");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(
            ServiceTokenDecoder.forService(ServiceSecret.key(SECRET), "tweets")
                .decode(run.out().strip())
                .getAudience())
        .isEqualTo(List.of("tweets"));
  }

  @Test
  void withoutASecretItSaysHowToGetOne(@TempDir Path data) throws Exception {
    assertThat(Cli.run(Map.of("FLOTILLA_DATA_DIR", data.toString()), "token", "hardware"))
        .isEqualTo(new Run(2, "", noSecret(data)));
    assertThat(Cli.run(Map.of("FLOTILLA_SERVICE_SECRET", "short"), "token", "hardware").err())
        .isEqualTo(
            "flotilla: the service secret in FLOTILLA_SERVICE_SECRET must be the one Flotilla was"
                + " started with, at least 32 bytes; it has 5 bytes\n");
    Files.writeString(data.resolve("service-secret"), "short");
    assertThat(Cli.run(Map.of("FLOTILLA_DATA_DIR", data.toString()), "token", "hardware").err())
        .endsWith("it has 5 bytes\n")
        .doesNotContain("short\n");
  }

  /** What token and faults say when neither the variable nor the launcher's file has a secret. */
  static String noSecret(Path data) {
    return "flotilla: no service secret to sign a token with: start Flotilla (./flotilla up or"
        + " ./flotilla cluster writes its secret to "
        + data.resolve("service-secret")
        + ") or set FLOTILLA_SERVICE_SECRET to the secret it was started with\n";
  }

  @Test
  void aLifetimeBeyondAnHourIsRefused() {
    Run run = Cli.run(ENVIRONMENT, "token", "hardware", "--minutes", "61");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err()).startsWith("--minutes must be from 1 to 60, got 61");
  }
}
