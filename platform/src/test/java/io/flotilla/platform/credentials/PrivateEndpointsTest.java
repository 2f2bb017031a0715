package io.flotilla.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flotilla.platform.client.ServiceClients;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.Http.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Private endpoints over real HTTP: a service token for this service passes; no token, a user's
 * token, a token for another service, an expired one or one signed with another secret is a 401
 * problem+json. The service also calls itself through the platform's client, as search calls
 * tweets' feed.
 */
@SpringBootTest(
    classes = PrivateApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "spring.application.name=sample",
      "flotilla.service-credentials.secret=" + PrivateEndpointsTest.SECRET
    })
class PrivateEndpointsTest {

  static final String SECRET = "a shared secret of more than thirty-two bytes";
  static final int PORT = freePort();
  static final SecretKey KEY = ServiceSecret.key(SECRET).orElseThrow();
  static final String NO_TOKEN =
      "This endpoint is for Flotilla's services only: send Authorization: Bearer <service token>,"
          + " a token for this service signed with the shared service secret (./flotilla token"
          + " <service> makes one from FLOTILLA_SERVICE_SECRET).";
  static final String BAD_TOKEN =
      "The service token is invalid, has expired, or is for another service.";

  @DynamicPropertySource
  static void port(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("management.server.port", () -> PORT);
    // The service is its own peer: the client's calls come back to it.
    registry.add(
        "spring.cloud.discovery.client.simple.instances.sample[0].uri",
        () -> "http://localhost:" + PORT);
  }

  @Autowired ServiceClients clients;

  final Http http = Http.port(PORT);

  @Test
  void theFeedWithoutATokenIsRefusedWithAChallenge() {
    Answer answer = http.get("/internal/v1/feed");

    assertThat(answer)
        .isEqualTo(Answer.problem(401, "Unauthorized", NO_TOKEN, "/internal/v1/feed"));
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void theFeedWithAServiceTokenForThisServiceAnswers() {
    String token =
        ServiceTokens.mint(KEY, "search", "sample", Instant.now(), Duration.ofMinutes(5));

    assertThat(http.as(token).get("/internal/v1/feed"))
        .isEqualTo(Answer.of(200, "text/plain;charset=UTF-8", "feed"));
  }

  @Test
  void aTokenForAnotherServiceIsRefused() {
    String token =
        ServiceTokens.mint(KEY, "search", "tweets", Instant.now(), Duration.ofMinutes(5));

    Answer answer = http.as(token).get("/internal/v1/feed");

    assertThat(answer)
        .isEqualTo(Answer.problem(401, "Unauthorized", BAD_TOKEN, "/internal/v1/feed"));
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token =
        ServiceTokens.mint(
            KEY,
            "search",
            "sample",
            Instant.now().minus(Duration.ofMinutes(10)),
            Duration.ofMinutes(5));

    assertThat(http.as(token).get("/internal/v1/feed"))
        .isEqualTo(Answer.problem(401, "Unauthorized", BAD_TOKEN, "/internal/v1/feed"));
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    SecretKey other =
        ServiceSecret.key("another secret, also thirty-two bytes or more").orElseThrow();
    String token =
        ServiceTokens.mint(other, "search", "sample", Instant.now(), Duration.ofMinutes(5));

    assertThat(http.as(token).get("/internal/v1/feed").status()).isEqualTo(401);
  }

  @Test
  void aUsersTokenIsNoServiceToken() throws Exception {
    // What users signs: RS256 with its own key, for an account.
    var key = new RSAKeyGenerator(2048).keyID("users-key").generate();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer("flotilla-users")
            .subject("alice")
            .audience("sample")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    var token =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("users-key").build(), claims);
    token.sign(new RSASSASigner(key));

    assertThat(http.as(token.serialize()).get("/internal/v1/feed"))
        .isEqualTo(Answer.problem(401, "Unauthorized", BAD_TOKEN, "/internal/v1/feed"));
  }

  @Test
  void readsStayOpenAndWritesNeedAServiceToken() {
    String token = ServiceTokens.mint(KEY, "cli", "sample", Instant.now(), Duration.ofMinutes(5));

    assertThat(http.get("/things/1"))
        .isEqualTo(Answer.of(200, "text/plain;charset=UTF-8", "thing"));
    assertThat(http.post("/things", "{}"))
        .isEqualTo(Answer.problem(401, "Unauthorized", NO_TOKEN, "/things"));
    assertThat(http.as(token).post("/things", "{}").body()).isEqualTo("written");
  }

  @Test
  void thePlatformsClientCarriesATokenOnlyWhenAskedTo() {
    assertThat(
            clients
                .builderWithCredential("sample")
                .build()
                .get()
                .uri("/internal/v1/feed")
                .retrieve()
                .body(String.class))
        .isEqualTo("feed");
    assertThatThrownBy(() ->
            clients
                .builder("sample")
                .build()
                .get()
                .uri("/internal/v1/feed")
                .retrieve()
                .body(String.class))
        .isInstanceOf(HttpClientErrorException.Unauthorized.class);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void withoutASecretEveryCallIsRefusedAndTheServiceSaysSo(CapturedOutput output) {
    try (var app =
        new SpringApplicationBuilder(PrivateApplication.class)
            .run(
                "--server.port=0",
                "--spring.application.name=sample",
                "--flotilla.service-credentials.secret=")) {
      Http unsecured = Http.port(((WebServerApplicationContext) app).getWebServer().getPort());
      String token =
          ServiceTokens.mint(KEY, "search", "sample", Instant.now(), Duration.ofMinutes(5));

      assertThat(unsecured.get("/internal/v1/feed").status()).isEqualTo(401);
      assertThat(unsecured.as(token).get("/internal/v1/feed"))
          .isEqualTo(Answer.problem(401, "Unauthorized", BAD_TOKEN, "/internal/v1/feed"));
      assertThat(unsecured.get("/things/1").status()).isEqualTo(200);
    }
    assertThat(output.getOut().lines().filter(line -> line.contains("WARN")))
        .anySatisfy(line ->
            assertThat(line)
                .contains(
                    "no secret (FLOTILLA_SERVICE_SECRET",
                    "sample's private endpoints refuse every call"));
  }

  @Test
  void aShortSecretStopsTheStartWithoutShowingIt() {
    assertThatThrownBy(() ->
            new SpringApplicationBuilder(PrivateApplication.class)
                .run("--server.port=0", "--flotilla.service-credentials.secret=hunter2hunter2"))
        .satisfies(failure ->
            assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                .contains("must be at least 32 bytes, got 14")
                .doesNotContain("hunter2"));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
