package io.flotilla.tweets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A place in a list of tweets, newest first: just after the tweet written at {@code created} with
 * {@code id}. It goes to clients as {@code <microseconds since 1970>_<id>} in a {@code before}
 * parameter, so that the next page starts where the last one ended, whatever was written since.
 */
record Cursor(Instant created, long id) {

  /** What the {@code before} parameter must look like; the digits fit a long. */
  static final String PATTERN = "[0-9]{1,18}_[0-9]{1,18}";

  static Cursor after(Tweet tweet) {
    return new Cursor(tweet.created(), tweet.id());
  }

  /** From a parameter already checked against {@link #PATTERN}. */
  static Cursor parse(String text) {
    int separator = text.indexOf('_');
    return new Cursor(
        Instant.EPOCH.plus(Long.parseLong(text.substring(0, separator)), ChronoUnit.MICROS),
        Long.parseLong(text.substring(separator + 1)));
  }

  @Override
  public String toString() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, created) + "_" + id;
  }
}
