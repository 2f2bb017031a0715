package io.flotilla.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts, tokens and login throttling. Overridable like any property, e.g. {@code
 * FLOTILLA_USERS_TOKEN_TTL=15m}.
 *
 * @param signingKey a PKCS#8 PEM RSA private key that signs the tokens; empty to use {@code
 *     keyFile}
 * @param keyFile where the key is kept when {@code signingKey} is empty: read when present,
 *     generated (RSA 2048) and written owner-only on first start otherwise
 * @param tokenTtl how long a token is valid after login
 * @param clockSkew how far past its {@code exp} a token is still accepted, for clocks that differ
 * @param demoUsers whether the demo users are added on start (the laptop profile)
 * @param loginThrottle when repeated failed logins for one username are refused
 */
@Validated
@ConfigurationProperties("flotilla.users")
record UsersProperties(
    @DefaultValue("") String signingKey,
    @DefaultValue("./data/users/signing-key.pem") @NotNull Path keyFile,
    @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration tokenTtl,
    @DefaultValue("60s") @NotNull @DurationMin(seconds = 0) Duration clockSkew,
    @DefaultValue("false") boolean demoUsers,
    @DefaultValue @NotNull @Valid LoginThrottle loginThrottle) {

  /** The issuer of every token, the {@code iss} claim of the microblog's token contract. */
  static final String ISSUER = "flotilla-users";

  /**
   * @param maxFailures failed logins for one username after which further attempts are refused
   * @param window the time from a username's first counted failure until its count starts over
   * @param maxTracked how many usernames' failures are kept at most (per instance)
   */
  record LoginThrottle(
      @DefaultValue("5") @Min(1) int maxFailures,
      @DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration window,
      @DefaultValue("100000") @Min(1) long maxTracked) {}

  boolean configuredKey() {
    return signingKey != null && !signingKey.isBlank();
  }
}
