package io.flotilla.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The service secret the command line signs service tokens with, and the tokens, made as the
 * services make theirs (io.flotilla.platform.credentials): HS256, {@code iss}/{@code sub}
 * "operator", {@code aud} the service.
 *
 * <p>The secret is {@code $FLOTILLA_SERVICE_SECRET} when it is set, else the one the running
 * Flotilla was started with: {@code ./flotilla up} and {@code ./flotilla cluster} write it at each
 * start to {@code service-secret} in their data directory ({@code $FLOTILLA_DATA_DIR}, else {@code
 * data} in the checkout), readable by its owner only.
 */
final class ServiceCredential {

  static final String VARIABLE = "FLOTILLA_SERVICE_SECRET";
  static final String FILE = "service-secret";
  static final String ISSUER = "operator";

  /** The services refuse a shorter one: HS256 needs 256 bits. */
  static final int MIN_BYTES = 32;

  /** Exit code of a command that has no secret to sign with. */
  static final int NO_SECRET = 2;

  private final byte[] key;
  private final String source;

  private ServiceCredential(byte[] key, String source) {
    this.key = key;
    this.source = source;
  }

  /**
   * The secret from the environment, else from the file the launcher wrote.
   *
   * @param environment looks up environment variables; {@code System::getenv} but in tests
   * @throws NoSecret with a line that says what to do, never the secret
   */
  static ServiceCredential from(UnaryOperator<String> environment) {
    String given = environment.apply(VARIABLE);
    if (given != null && !given.isEmpty()) {
      return checked(given.getBytes(StandardCharsets.UTF_8), VARIABLE);
    }
    String data = environment.apply("FLOTILLA_DATA_DIR");
    Path file =
        Path.of(data == null || data.isBlank() ? "data" : data.strip())
            .resolve(FILE)
            .toAbsolutePath()
            .normalize();
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      throw new NoSecret(
          "no service secret to sign a token with: start Flotilla (./flotilla up or ./flotilla"
              + " cluster writes its secret to "
              + file
              + ") or set "
              + VARIABLE
              + " to the secret it was started with");
    } catch (IOException unreadable) {
      throw new NoSecret(
          "cannot read the service secret in "
              + file
              + " ("
              + unreadable.getClass().getSimpleName()
              + "): start Flotilla again or set "
              + VARIABLE);
    }
    // An editor may have added a line end; the launcher writes none.
    return checked(
        secret.replaceAll("\\R+$", "").getBytes(StandardCharsets.UTF_8), file.toString());
  }

  private static ServiceCredential checked(byte[] key, String source) {
    if (key.length < MIN_BYTES) {
      throw new NoSecret(
          String.format(
              Locale.ROOT,
              "the service secret in %s must be the one Flotilla was started with, at least %d"
                  + " bytes; it has %d bytes",
              source,
              MIN_BYTES,
              key.length));
    }
    return new ServiceCredential(key, source);
  }

  /** A token for the service's private endpoints and fault switch, good from now for ttl. */
  String token(String service, Instant now, Duration ttl) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(ISSUER)
            .audience(service)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    var token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      token.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("the token could not be signed: " + e.getMessage(), e);
    }
    return token.serialize();
  }

  /** Where the secret came from, for messages: the variable's name or the file's path. */
  String source() {
    return source;
  }

  /** No secret to sign with; the message is one line for the terminal. */
  static final class NoSecret extends RuntimeException {
    NoSecret(String message) {
      super(message);
    }
  }
}
