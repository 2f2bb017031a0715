package io.flotilla.launcher;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secret every service signs and checks service tokens with: {@code FLOTILLA_SERVICE_SECRET}
 * when it is set, so that an operator can make tokens for a running system ({@code ./flotilla token
 * hardware}), or else a random one for this run, which no one outside the services ever sees.
 */
final class ServiceSecret {

  static final String VARIABLE = "FLOTILLA_SERVICE_SECRET";

  /** The services refuse a shorter one: HS256 needs 256 bits. */
  static final int MIN_BYTES = 32;

  private ServiceSecret() {}

  static String from(Map<String, String> env) {
    String given = env.get(VARIABLE);
    if (given == null || given.isEmpty()) {
      byte[] random = new byte[MIN_BYTES];
      new SecureRandom().nextBytes(random);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    int bytes = given.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < MIN_BYTES) {
      throw new IllegalArgumentException(
          VARIABLE
              + " must be at least "
              + MIN_BYTES
              + " bytes, got "
              + bytes
              + "; make one with: openssl rand -base64 48");
    }
    return given;
  }
}
