package io.flotilla.platform.credentials;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secret that services sign and check service tokens with, the same in every service, e.g.
 * {@code FLOTILLA_SERVICE_SECRET=$(openssl rand -base64 48)}.
 *
 * @param secret the shared secret, at least 32 bytes (its UTF-8 bytes are the HMAC key); empty: no
 *     calls to a peer's private endpoints carry a credential, and this service's private endpoints
 *     refuse every call
 * @param tokenTtl how long a token this service makes for a peer is good for; it makes a new one
 *     once half of that has passed
 */
@ConfigurationProperties("flotilla.service-credentials")
public record ServiceCredentialsProperties(
    @DefaultValue("") String secret, @DefaultValue("5m") Duration tokenTtl) {

  /** Never the secret itself: a record's own toString would print it into a log. */
  @Override
  public String toString() {
    return "ServiceCredentialsProperties[secret="
        + (secret == null || secret.isEmpty() ? "(none)" : "(set)")
        + ", tokenTtl="
        + tokenTtl
        + "]";
  }
}
