package io.flotilla.platform.credentials;

import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How a service checks the service tokens its private endpoints are called with: HS256 with the
 * shared secret (a user's RS256 token from users cannot pass, nor can a service token pass as a
 * user's: those decoders take RS256 only), {@code aud} this service, an issuer and a subject, and
 * an {@code exp} that has not passed (60 s clock skew).
 */
public final class ServiceTokenDecoder {

  private ServiceTokenDecoder() {}

  /** The decoder for tokens meant for {@code service}; without a key, one that refuses all. */
  public static JwtDecoder forService(Optional<SecretKey> key, String service) {
    if (key.isEmpty()) {
      return token -> {
        throw new BadJwtException("no service secret is set: no service token is valid here");
      };
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(key.get()).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(),
            new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtAudienceValidator(service),
            new JwtClaimValidator<String>(JwtClaimNames.ISS, ServiceTokenDecoder::named),
            new JwtClaimValidator<String>(JwtClaimNames.SUB, ServiceTokenDecoder::named)));
    return decoder;
  }

  private static boolean named(String value) {
    return value != null && !value.isBlank();
  }
}
