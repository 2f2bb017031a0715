package io.flotilla.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The request id every service accepts, passes on and returns in {@value #HEADER}. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /** Ids arrive from outside: anything else would let a client write into our logs. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The caller's id when it is safe to log, otherwise a new one. */
  public static String acceptOrCreate(String received) {
    return received != null && SAFE.matcher(received).matches() ? received : newId();
  }

  /**
   * A version 4 UUID from a fast generator: UUID.randomUUID() draws on SecureRandom, whose lock
   * showed up in profiles under load, and a request id needs to be unique, not unguessable.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62); // IETF variant
    return new UUID(high, low).toString();
  }
}
