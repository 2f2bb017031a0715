package io.flotilla.users;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** What the controllers say about a body that is not a JSON object. */
final class Bodies {

  private Bodies() {}

  static ProblemDetail unreadable(java.util.List<String> fields) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        "The body must be a JSON object with the string fields " + String.join(", ", fields) + ".");
  }
}
