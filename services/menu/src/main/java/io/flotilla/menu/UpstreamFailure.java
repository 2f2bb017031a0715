package io.flotilla.menu;

import org.springframework.http.HttpStatus;

/** Why the upstream gave no usable answer, and what the relay answers when no copy can stand in. */
final class UpstreamFailure extends RuntimeException {

  enum Kind {
    /** 5xx, 429 or another unexpected status. */
    SERVER_ERROR("server_error", HttpStatus.BAD_GATEWAY),
    UNREACHABLE("unreachable", HttpStatus.BAD_GATEWAY),
    TIMEOUT("timeout", HttpStatus.GATEWAY_TIMEOUT),
    /** Not JSON, or larger than the relay accepts. */
    BAD_BODY("bad_body", HttpStatus.BAD_GATEWAY),
    /** Not a call at all: the breaker is open after too many failures. */
    CIRCUIT_OPEN("circuit_open", HttpStatus.SERVICE_UNAVAILABLE);

    final String tag;
    final HttpStatus status;

    Kind(String tag, HttpStatus status) {
      this.tag = tag;
      this.status = status;
    }
  }

  private final Kind kind;

  UpstreamFailure(Kind kind, String message) {
    super(message, null, false, false); // an expected outcome: no stack trace to fill or log
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
