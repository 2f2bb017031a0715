package io.flotilla.math;

/**
 * An input the service will not compute, with a message a person can act on. Each URL style turns
 * it into its own body: the message for the query style, the offending value for the path style.
 */
final class InvalidInputException extends RuntimeException {

  /** Echoed values are cut here: a 5,000-digit number helps nobody in an error message. */
  private static final int ECHO_LIMIT = 40;

  private final String value;

  private InvalidInputException(String message, String value) {
    super(message, null, false, false);
    this.value = value;
  }

  /** The value that was refused, as the client sent it (shortened if very long). */
  String value() {
    return value;
  }

  static InvalidInputException missing(String parameter, String allowed) {
    return new InvalidInputException(parameter + " is required: " + allowed, "");
  }

  static InvalidInputException notAnInteger(String parameter, String allowed, String raw) {
    String shown = echo(raw);
    return new InvalidInputException(
        parameter + " must be " + allowed + ", got \"" + shown + "\"", shown);
  }

  static InvalidInputException negative(String parameter, String allowed, String raw) {
    String shown = echo(raw);
    return new InvalidInputException(
        parameter + " must not be negative: " + allowed + ", got " + shown, shown);
  }

  static InvalidInputException aboveLimit(String parameter, int limit, String raw) {
    String shown = echo(raw);
    return new InvalidInputException(
        parameter + " must be at most " + limit + ", got " + shown, shown);
  }

  /**
   * @param offending the argument that pushed the result over: n, unless m alone is too large
   */
  static InvalidInputException resultTooLarge(String m, String n, int maxDigits, String offending) {
    return new InvalidInputException(
        "result too large: ackermann("
            + echo(m)
            + ", "
            + echo(n)
            + ") has more than "
            + maxDigits
            + " digits; m and n must be non-negative integers whose result has at most "
            + maxDigits
            + " digits",
        echo(offending));
  }

  /** A path segment that is not percent-encoded UTF-8, named as the client sent it. */
  static InvalidInputException undecodable(String raw) {
    String shown = echo(raw);
    return new InvalidInputException("not valid percent-encoded UTF-8: " + shown, shown);
  }

  /** The query string could not be read at all: a broken percent escape or invalid UTF-8. */
  static InvalidInputException undecodableQuery() {
    return new InvalidInputException("query string is not valid percent-encoded UTF-8", "");
  }

  private static String echo(String raw) {
    if (raw.length() <= ECHO_LIMIT) {
      return raw;
    }
    // Never cut between the two halves of a surrogate pair (an emoji, say).
    int end = Character.isHighSurrogate(raw.charAt(ECHO_LIMIT - 1)) ? ECHO_LIMIT - 1 : ECHO_LIMIT;
    return raw.substring(0, end) + "...";
  }
}
