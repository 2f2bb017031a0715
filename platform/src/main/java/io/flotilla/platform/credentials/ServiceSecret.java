package io.flotilla.platform.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The shared secret as the HMAC-SHA256 key that signs and checks service tokens. */
public final class ServiceSecret {

  /** HS256 needs a key at least as long as its hash: 256 bits. */
  public static final int MIN_BYTES = 32;

  /** Where a person sets it; the property {@code flotilla.service-credentials.secret} reads it. */
  public static final String VARIABLE = "FLOTILLA_SERVICE_SECRET";

  private ServiceSecret() {}

  /**
   * The key made of the secret's UTF-8 bytes, or empty for an empty secret.
   *
   * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_BYTES} bytes (the
   *     message never carries the secret)
   */
  public static Optional<SecretKey> key(String secret) {
    if (secret == null || secret.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "the service secret ("
              + VARIABLE
              + ", flotilla.service-credentials.secret) must be at least "
              + MIN_BYTES
              + " bytes, got "
              + bytes.length
              + "; make one with: openssl rand -base64 48");
    }
    return Optional.of(new SecretKeySpec(bytes, "HmacSHA256"));
  }
}
