package io.flotilla.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints the microblog's access tokens: RS256, {@code kid} in the header, the contract's claims, and
 * {@code account}: the account's id, which other services keep instead of the username (a name can
 * be registered again by another account; the id never is).
 */
@Component
class Tokens {

  private final JwtEncoder encoder;
  private final SigningKey key;
  private final Clock clock;
  private final UsersProperties properties;

  Tokens(JwtEncoder encoder, SigningKey key, Clock clock, UsersProperties properties) {
    this.encoder = encoder;
    this.key = key;
    this.clock = clock;
    this.properties = properties;
  }

  static final String ACCOUNT = "account";

  Token mint(User user) {
    // JWT times are whole seconds; exp - iat is then exactly the lifetime.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long lifetime = properties.tokenTtl().toSeconds();
    var claims =
        JwtClaimsSet.builder()
            .issuer(UsersProperties.ISSUER)
            .subject(user.username())
            .claim(ACCOUNT, user.accountId())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(lifetime))
            .id(UUID.randomUUID().toString())
            .build();
    var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.id()).type("JWT").build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new Token(token, "Bearer", lifetime);
  }

  /** The login answer of the token contract. */
  @JsonPropertyOrder({"access_token", "token_type", "expires_in"})
  record Token(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}
}
