package io.flotilla.platform.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The tokens this service shows a peer's private endpoints: HS256 JWTs signed with the shared
 * secret, {@code iss} and {@code sub} this service's name, {@code aud} the peer's, good for {@code
 * flotilla.service-credentials.token-ttl} (5 minutes). One per peer, made again once half its life
 * has passed, so a call never waits for signing and never carries a token about to expire.
 */
public final class ServiceTokens {

  private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

  private final String issuer;
  private final Optional<SecretKey> key;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Minted> minted = new ConcurrentHashMap<>();

  ServiceTokens(String issuer, Optional<SecretKey> key, Duration ttl, Clock clock) {
    if (ttl.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException(
          "flotilla.service-credentials.token-ttl must be 10s or more, got " + ttl);
    }
    this.issuer = issuer;
    this.key = key;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token for calls to the service, or empty when no secret is set. */
  public Optional<String> forService(String audience) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Minted token =
        minted.compute(
            audience,
            (peer, earlier) ->
                earlier != null && now.isBefore(earlier.renewAt())
                    ? earlier
                    : new Minted(
                        mint(key.get(), issuer, peer, now, ttl), now.plus(ttl.dividedBy(2))));
    return Optional.of(token.value());
  }

  /**
   * Adds {@code Authorization: Bearer <token for the service>} to each call; without a secret, the
   * calls go without one (and the peer refuses them), which is said once, here.
   */
  public ClientHttpRequestInterceptor interceptor(String service) {
    if (key.isEmpty()) {
      log.warn(
          "service credentials: no secret ({} / flotilla.service-credentials.secret), calls to"
              + " {}'s private endpoints carry no credential and will be refused",
          ServiceSecret.VARIABLE,
          service);
    }
    return (request, body, execution) -> {
      forService(service).ifPresent(token -> request.getHeaders().setBearerAuth(token));
      return execution.execute(request, body);
    };
  }

  /** A service token from {@code issuer} for {@code audience}, good from now for {@code ttl}. */
  public static String mint(
      SecretKey key, String issuer, String audience, Instant now, Duration ttl) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(issuer)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    var token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      token.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("a service token could not be signed: " + e.getMessage(), e);
    }
    return token.serialize();
  }

  private record Minted(String value, Instant renewAt) {}
}
