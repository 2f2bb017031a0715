package io.flotilla.users;

import io.flotilla.platform.work.HeavyWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration and login: the checks around the table that the controllers should not carry.
 * Metrics {@code users.registrations} and {@code users.logins{outcome}} count what happened. BCrypt
 * (50–100 ms of CPU a hash) runs on the platform's bounded pool for heavy work, never on the
 * request's virtual thread: past the pool's capacity a request is answered 503 or 429 at once.
 */
@Service
class Accounts {

  private static final Logger log = LoggerFactory.getLogger(Accounts.class);

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final HeavyWork heavyWork;
  private final LoginThrottle throttle;
  private final Tokens tokens;
  private final Clock clock;
  private final Counter registrations;
  private final Counter loginsSucceeded;
  private final Counter loginsWrong;
  private final Counter loginsThrottled;

  /**
   * Checked against when the username does not exist, so that an unknown username takes as long as
   * a wrong password and timing does not tell which usernames exist.
   */
  private final String dummyHash;

  Accounts(
      UserRepository users,
      PasswordEncoder passwords,
      HeavyWork heavyWork,
      LoginThrottle throttle,
      Tokens tokens,
      Clock clock,
      MeterRegistry meters) {
    this.users = users;
    this.passwords = passwords;
    this.heavyWork = heavyWork;
    this.throttle = throttle;
    this.tokens = tokens;
    this.clock = clock;
    this.dummyHash = passwords.encode("not-a-password-of-anyone");
    this.registrations =
        Counter.builder("users.registrations").description("Accounts created").register(meters);
    this.loginsSucceeded = logins(meters, "success");
    this.loginsWrong = logins(meters, "wrong_credentials");
    this.loginsThrottled = logins(meters, "throttled");
  }

  private static Counter logins(MeterRegistry meters, String outcome) {
    return Counter.builder("users.logins")
        .description("Login attempts by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /** Creates the account, or answers 409 naming what is taken. */
  User register(Registration registration) {
    refuseTaken(registration);
    String hash = heavyWork.run(() -> passwords.encode(registration.password()));
    User user;
    try {
      user =
          users.insert(
              registration.username(),
              registration.email(),
              hash,
              registration.firstName(),
              registration.lastName(),
              clock.instant());
    } catch (DuplicateKeyException raced) {
      // Another request took the name or address between the check and the insert.
      refuseTaken(registration);
      throw Problems.status(HttpStatus.CONFLICT, "This username or email is already taken.");
    }
    registrations.increment();
    log.info("user registered username={}", user.username());
    return user;
  }

  private void refuseTaken(Registration registration) {
    var taken = new ArrayList<String>();
    if (users.usernameTaken(registration.username())) {
      taken.add("The username \"" + registration.username() + "\" is taken; choose another.");
    }
    if (users.emailTaken(registration.email())) {
      taken.add("An account with this email already exists; log in instead.");
    }
    if (!taken.isEmpty()) {
      throw Problems.status(HttpStatus.CONFLICT, String.join(" ", taken));
    }
  }

  /**
   * A token for the right password; the same 401 for a wrong password and an unknown username; 429
   * while this client address has failed too often, on this username or on many, whatever the
   * password.
   */
  Tokens.Token login(String username, String password, String client) {
    // Usernames are lower-case by rule, so "Karina" means karina, and is throttled with her.
    String name = username.toLowerCase(Locale.ROOT);
    Optional<Duration> refused = throttle.refusedFor(client, name);
    if (refused.isPresent()) {
      loginsThrottled.increment();
      log.info("login throttled username={} client={}", name, client);
      throw Problems.throttled(refused.get());
    }
    Optional<User> user = users.findByUsername(name);
    String hash = user.map(User::passwordHash).orElse(dummyHash);
    if (!heavyWork.run(client, () -> matches(password, hash)) || user.isEmpty()) {
      throttle.failed(client, name);
      loginsWrong.increment();
      log.info("login failed username={} client={}", name, client);
      throw Problems.wrongCredentials();
    }
    throttle.succeeded(client, name);
    loginsSucceeded.increment();
    log.info("login username={}", name);
    return tokens.mint(user.get());
  }

  /** BCrypt refuses passwords over 72 bytes: such a password is wrong, after the same work. */
  private boolean matches(String password, String hash) {
    if (AccountRules.tooLongForBcrypt(password)) {
      passwords.matches("", hash);
      return false;
    }
    return passwords.matches(password, hash);
  }

  /** Adds the user unless the username or the email exists; whether it was added. */
  boolean addIfAbsent(
      String username, String email, String password, String firstName, String lastName) {
    if (users.usernameTaken(username) || users.emailTaken(email)) {
      return false;
    }
    try {
      users.insert(
          username, email, passwords.encode(password), firstName, lastName, clock.instant());
      return true;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }
}
