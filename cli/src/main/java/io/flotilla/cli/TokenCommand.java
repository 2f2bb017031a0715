package io.flotilla.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla token hardware}: a service token for a service's private endpoints (hardware's
 * writes, tweets' change feed), made from {@code FLOTILLA_SERVICE_SECRET} as the services make
 * theirs (io.flotilla.platform.credentials): HS256, {@code iss}/{@code sub} "operator", {@code aud}
 * the service, a few minutes long. Printed alone on a line, for {@code $(...)}.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = {
      "A service token for a service's private endpoints, from $FLOTILLA_SERVICE_SECRET (the"
          + " secret the running Flotilla was started with).",
      "e.g. curl -X POST -H \"Authorization: Bearer $(./flotilla token hardware)\" ..."
    },
    exitCodeOnInvalidInput = Flotilla.USAGE,
    exitCodeOnExecutionException = Flotilla.SOFTWARE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the token is printed",
      " 2:FLOTILLA_SERVICE_SECRET is not set, or shorter than 32 bytes",
      "64:the command line is wrong"
    })
final class TokenCommand implements Callable<Integer> {

  static final int NO_SECRET = 2;
  static final String ISSUER = "operator";

  @Parameters(
      index = "0",
      paramLabel = "SERVICE",
      description = "The service the token is for: hardware, tweets...")
  String service;

  @Option(
      names = "--minutes",
      defaultValue = "5",
      description = "How long the token is good for, 1 to 60 minutes (default: ${DEFAULT-VALUE}).")
  int minutes;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;
  private final Clock clock;

  TokenCommand(UnaryOperator<String> environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (minutes < 1 || minutes > 60) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--minutes must be from 1 to 60, got " + minutes);
    }
    String secret = environment.apply("FLOTILLA_SERVICE_SECRET");
    byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      spec.commandLine()
          .getErr()
          .print(
              "flotilla: FLOTILLA_SERVICE_SECRET must be set to the secret Flotilla was started"
                  + " with (at least 32 bytes); "
                  + (key.length == 0 ? "it is not set" : "it has " + key.length + " bytes")
                  + "\n");
      return NO_SECRET;
    }
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(ISSUER)
            .audience(service)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(minutes))))
            .build();
    var token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      token.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("the token could not be signed: " + e.getMessage(), e);
    }
    spec.commandLine().getOut().print(token.serialize() + "\n");
    return 0;
  }
}
