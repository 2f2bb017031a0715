package io.flotilla.tweets;

import io.flotilla.tweets.ChangeLog.Change;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Long polling over the change log. A waiting request holds the current "next write" future, reads
 * the log, and if nothing is there waits on the future for at most one poll interval before reading
 * again: a write committed through this instance completes the future (after commit) and wakes
 * every waiter at once; a write through another replica is seen at the next poll.
 *
 * <p>Each read first numbers the changes that have committed unnumbered ({@link ChangeLog#number}),
 * so a read sees every write acknowledged before it, whichever replica took it, and a change whose
 * writer died before anyone read it is numbered by the next read of any replica.
 *
 * <p>The future is taken before the read, so a write that commits between the read and the wait
 * still wakes the waiter (its future is already completed). Requests wait on their own (virtual)
 * thread; on shutdown every waiter is woken and answers what it has, so graceful shutdown does not
 * sit out a 30 s wait. A reader already past the newest change is answered at once: its cursor
 * comes from another life of the log, and waiting would only delay its rebuild.
 */
@Component
class ChangeFeed implements SmartLifecycle {

  private final ChangeLog log;
  private final Duration pollInterval;
  private final Timer lag;
  private final AtomicReference<CompletableFuture<Void>> nextWrite =
      new AtomicReference<>(new CompletableFuture<>());
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile String epoch;
  private volatile boolean running;

  ChangeFeed(ChangeLog log, TweetsProperties properties, MeterRegistry registry) {
    this.log = log;
    this.pollInterval = properties.feed().pollInterval();
    this.lag =
        Timer.builder("tweets.feed.lag")
            .description("Age of the oldest change in each non-empty feed answer")
            .register(registry);
    Gauge.builder("tweets.feed.waiting", waiting, AtomicInteger::get)
        .description("Feed requests waiting for a change (long polls)")
        .register(registry);
  }

  /** Wakes every waiting request; call after a write has committed. */
  void written() {
    nextWrite.getAndSet(new CompletableFuture<>()).complete(null);
  }

  /**
   * One page of the feed.
   *
   * @param epoch the log's epoch, the same for as long as its database lives
   * @param head the seq of the newest change when the page was read
   */
  record Page(String epoch, List<Change> changes, long head) {}

  /** The changes after {@code after}, waiting up to {@code wait} for one when there are none. */
  Page read(long after, int limit, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      CompletableFuture<Void> woken = nextWrite.get();
      if (log.unnumbered()) {
        log.number();
      }
      ChangeLog.Tail tail = log.after(after, limit);
      long remaining = deadline - System.nanoTime();
      Page page = page(tail);
      if (!tail.changes().isEmpty()) {
        lag.record(Duration.between(tail.changes().getFirst().at(), Instant.now()));
        return page;
      }
      if (remaining <= 0 || !running || page.head() < after) {
        return page;
      }
      waiting.incrementAndGet();
      try {
        woken.get(Math.min(remaining, pollInterval.toNanos()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException pollAgain) {
        // Nothing through this instance; the database may have writes from another replica.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return page;
      } catch (ExecutionException impossible) {
        throw new IllegalStateException(impossible);
      } finally {
        waiting.decrementAndGet();
      }
    }
  }

  private Page page(ChangeLog.Tail tail) {
    String known = epoch;
    if (known == null) {
      known = log.epoch(); // fixed for the database's life: read once
      epoch = known;
    }
    return new Page(known, tail.changes(), tail.head());
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    written();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown, which waits for in-flight requests. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
