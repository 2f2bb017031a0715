package io.flotilla.search;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The index follows the feed a moment later: ask again until the answer is the expected one, up to
 * a generous bound that only a broken service reaches. No test asserts how long it took.
 */
final class Eventually {

  private static final Duration BOUND = Duration.ofSeconds(10);

  private Eventually() {}

  static <T> T until(Supplier<T> ask, Predicate<T> expected) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    T answer = ask.get();
    while (!expected.test(answer)) {
      if (System.nanoTime() > deadline) {
        fail("still not as expected after " + BOUND + ": " + answer);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      answer = ask.get();
    }
    return answer;
  }
}
