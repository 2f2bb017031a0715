package io.flotilla.users;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The service's problem+json answers, in one place. Thrown as {@link ErrorResponseException}s,
 * which the platform's advice renders with their headers.
 */
final class Problems {

  /** The one answer to a wrong username and to a wrong password alike. */
  static final String WRONG_CREDENTIALS = "Wrong username or password.";

  private Problems() {}

  static ErrorResponseException status(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  static ErrorResponseException wrongCredentials() {
    return status(HttpStatus.UNAUTHORIZED, WRONG_CREDENTIALS);
  }

  /** A 429 with {@code Retry-After} in whole seconds, rounded up so that a retry then succeeds. */
  static ErrorResponseException throttled(Duration retryAfter) {
    long seconds =
        Math.max(1, retryAfter.toMillis() / 1000 + (retryAfter.toMillis() % 1000 > 0 ? 1 : 0));
    var problem =
        status(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed logins from this address; try again in "
                + (seconds == 1 ? "1 second." : seconds + " seconds."));
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problem;
  }
}
