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
 * @param loginThrottle how repeated failed logins from one address are slowed down (the address is
 *     the client's as {@code flotilla.trusted-proxies} decides it)
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
   * @param freeFailures failed logins from one address on one username answered at once; each
   *     further one waits longer
   * @param freeFailuresPerAddress the same across all usernames from one address (spraying)
   * @param firstDelay the wait after the first failure past the free ones; it doubles with each
   * @param maxDelay the longest wait between two attempts
   * @param forgetAfter how long after its last failure an address's count starts over
   * @param maxTracked how many counts are kept at most (per instance); the oldest are dropped
   */
  record LoginThrottle(
      @DefaultValue("3") @Min(0) int freeFailures,
      @DefaultValue("10") @Min(0) int freeFailuresPerAddress,
      @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration firstDelay,
      @DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration maxDelay,
      @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration forgetAfter,
      @DefaultValue("100000") @Min(1) long maxTracked) {}

  boolean configuredKey() {
    return signingKey != null && !signingKey.isBlank();
  }
}
