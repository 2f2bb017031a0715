package io.flotilla.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id every service accepts, passes on and returns in {@value #HEADER}. */
final class RequestIds {

  static final String HEADER = "X-Request-Id";

  /** Ids arrive from outside: anything else would let a client write into our logs. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The caller's id when it is safe to log, otherwise a new one. */
  static String acceptOrCreate(String received) {
    return received != null && SAFE.matcher(received).matches()
        ? received
        : UUID.randomUUID().toString();
  }
}
