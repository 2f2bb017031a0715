package io.flotilla.search;

import io.flotilla.platform.client.CircuitOpenException;
import io.flotilla.search.Changes.Change;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Keeps the index up to date: one thread, started with the application and stopped with it, that
 * long-polls the change feed from the index's cursor and applies each batch. While the feed is down
 * or failing it tries again with a doubling backoff, logging when the state changes, not per try;
 * while the client's circuit breaker for tweets is open, the tries wait for it.
 *
 * <p>The cursor is trusted only within its feed's life: when the feed answers another epoch (its
 * database is new, reset or replaced) or a head behind the cursor (it lost changes the index has,
 * e.g. restored from a backup), the index is emptied and rebuilt from the feed's beginning, so it
 * keeps no tweet that no longer exists and misses none that does.
 *
 * <p>Metrics: {@code search.feed.batches{outcome=applied|empty|failed}}, {@code search.index.lag}
 * (seconds of feed changes the index may be missing: 0 while it is following the feed, otherwise
 * the time since it last reached the feed's end), {@code search.index.documents}, {@code
 * search.feed.cursor}, {@code search.index.rebuilds}, {@code search.index.visibility} (from a write
 * in tweets to its being searchable, for each change of a batch that brings the index up to the
 * feed, except while it is rebuilt from the feed's start: the clocks of two machines, good to what
 * keeps them in step).
 */
@Component
class FeedConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);

  /** Buckets around the goal (250 ms under load), for histogram_quantile and an SLO's ratio. */
  private static final Duration[] VISIBILITY_BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5)
  };

  /** Where the consumer is, as shown under /actuator/info and the health details. */
  enum State {
    /** Not yet answered by the feed since start. */
    STARTING,
    /** Reached the feed's end and waiting for the next change. */
    FOLLOWING,
    /** The last batch was full: more changes are waiting. */
    CATCHING_UP,
    /** The feed cannot be reached or answers errors; searches answer from the index as it is. */
    UNAVAILABLE,
    STOPPED
  }

  private final ChangeFeed feed;
  private final TweetIndex index;
  private final SearchProperties.Backoff backoff;
  private final ExponentialBackOff backOff;
  private final Duration pollWait;
  private final Duration refreshInterval;
  private final Clock clock = Clock.systemUTC();
  private final Counter applied;
  private final Counter empty;
  private final Counter failed;
  private final Counter rebuilds;
  private final Timer visibility;
  // stop() takes it to interrupt only a feed call or a backoff pause, never a Lucene write.
  private final Object applying = new Object();

  private volatile boolean running;
  private volatile Thread thread;
  private volatile State state = State.STARTING;
  private volatile Instant since;
  private volatile String lastError;
  private volatile long cursor;
  private volatile String epoch;
  private volatile Instant caughtUpAt;
  // Read from the feed's start until caught up: old writes, not a measure of the way to search.
  private boolean rebuilding;

  FeedConsumer(
      ChangeFeed feed, TweetIndex index, SearchProperties properties, MeterRegistry meters) {
    this.feed = feed;
    this.index = index;
    this.backoff = properties.backoff();
    this.backOff = new ExponentialBackOff(backoff.initial().toMillis(), 2);
    this.backOff.setMaxInterval(backoff.max().toMillis());
    this.pollWait = properties.pollWait();
    this.refreshInterval = properties.refreshInterval();
    this.since = clock.instant();
    this.caughtUpAt = since;
    this.cursor = index.cursor();
    this.epoch = index.epoch();
    this.applied = batches(meters, "applied");
    this.empty = batches(meters, "empty");
    this.failed = batches(meters, "failed");
    this.rebuilds =
        Counter.builder("search.index.rebuilds")
            .description("Index rebuilds from the feed's beginning (another epoch, or a lost tail)")
            .register(meters);
    this.visibility =
        Timer.builder("search.index.visibility")
            .description("From a write in tweets to its being searchable (not a rebuild's)")
            .serviceLevelObjectives(VISIBILITY_BUCKETS)
            .register(meters);
    Gauge.builder("search.index.lag", this, FeedConsumer::lagSeconds)
        .description("Seconds of feed changes the index may be missing: 0 while following the feed")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("search.index.documents", index, TweetIndex::documents)
        .description("Public tweets in the index")
        .register(meters);
    Gauge.builder("search.feed.cursor", this, consumer -> consumer.cursor)
        .description("The seq of the last feed change applied to the index")
        .register(meters);
  }

  private static Counter batches(MeterRegistry meters, String outcome) {
    return Counter.builder("search.feed.batches")
        .description("Change feed requests, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("search-feed").daemon().start(this::run);
  }

  @Override
  public void stop() {
    Thread consumer = thread;
    synchronized (applying) {
      running = false;
      if (consumer != null) {
        consumer.interrupt();
      }
    }
    if (consumer != null) {
      try {
        consumer.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    changeState(State.STOPPED, null);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    log.info("search feed consumer started url={} epoch={} cursor={}", feed.url(), epoch, cursor);
    // A loop rather than a RetryTemplate: the follower never gives up, and a retry template keeps
    // every failure of one execute() until it ends.
    BackOffExecution pauses = backOff.start();
    while (running) {
      try {
        long asked = System.nanoTime();
        Changes page = feed.after(cursor);
        List<Change> changes = page.changes();
        String untrusted = untrusted(page);
        // At the head, or close to it (a batch short of the limit): under a steady stream of
        // writes the head moves on while a page is read, and searches must not wait for a lull.
        boolean caughtUp = page.last() >= page.head() || changes.size() < feed.limit();
        synchronized (applying) {
          if (!running) {
            break;
          }
          if (untrusted != null) {
            rebuild(page, untrusted);
            continue;
          }
          index.apply(changes, page.epoch(), page.last(), caughtUp);
        }
        cursor = page.last();
        (changes.isEmpty() ? empty : applied).increment();
        if (caughtUp) {
          caughtUpAt = clock.instant();
          if (!rebuilding) {
            timeVisibility(changes, caughtUpAt);
          }
          rebuilding = false;
        }
        changeState(caughtUp ? State.FOLLOWING : State.CATCHING_UP, null);
        pauses = backOff.start();
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        if (changes.isEmpty() && took.compareTo(pollWait.dividedBy(2)) < 0) {
          // A feed that does not hold the request (or poll-wait 0) would make this loop spin.
          Thread.sleep(backoff.initial());
        } else if (caughtUp && !changes.isEmpty() && took.compareTo(refreshInterval) < 0) {
          // Writes arriving one by one would each cost a feed call and a refresh of the searcher.
          Thread.sleep(refreshInterval.minus(took));
        }
      } catch (InterruptedException stopping) {
        break;
      } catch (IOException | RuntimeException failure) {
        if (!running) {
          break; // the feed call was interrupted by stop()
        }
        long pause = pauses.nextBackOff();
        // An open breaker made no call: the feed's last failure still stands.
        if (!(failure instanceof CircuitOpenException)) {
          failed.increment();
          changeState(State.UNAVAILABLE, failure.getMessage());
          log.debug("search feed try failed cursor={} retryInMs={}", cursor, pause, failure);
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException stopping) {
          break;
        }
      }
    }
    log.info("search feed consumer stopped cursor={}", cursor);
  }

  /** The changes became searchable at {@code now}: how long after their writes. */
  private void timeVisibility(List<Change> changes, Instant now) {
    for (Change change : changes) {
      if (change.at() != null && !change.at().isAfter(now)) {
        visibility.record(Duration.between(change.at(), now));
      }
    }
  }

  /** Why the cursor cannot be resumed in this feed, or null when it can. */
  private String untrusted(Changes page) {
    if (!page.epoch().equals(epoch)) {
      return epoch == null ? "index names no feed epoch" : "feed epoch changed";
    }
    return page.head() < cursor ? "feed head behind the cursor" : null;
  }

  private void rebuild(Changes page, String reason) throws IOException {
    if (epoch == null && cursor == 0 && index.documents() == 0) {
      log.info("search index starts on feed epoch={}", page.epoch());
    } else {
      log.warn(
          "search index rebuild from the feed reason=\"{}\" epoch={} feedEpoch={} cursor={}"
              + " feedHead={} documents={}",
          reason,
          epoch,
          page.epoch(),
          cursor,
          page.head(),
          index.documents());
      rebuilds.increment();
    }
    index.restart(page.epoch());
    rebuilding = true;
    epoch = page.epoch();
    cursor = 0;
  }

  private void changeState(State next, String error) {
    State previous = state;
    lastError = error != null ? error : lastError;
    if (previous == next) {
      return;
    }
    Instant now = clock.instant();
    if (next == State.UNAVAILABLE) {
      log.warn(
          "search feed unavailable url={} cursor={} error={} retrying with backoff up to {}",
          feed.url(),
          cursor,
          error,
          backoff.max());
    } else if (previous == State.UNAVAILABLE && next != State.STOPPED) {
      log.info(
          "search feed available again url={} cursor={} unavailableFor={}",
          feed.url(),
          cursor,
          Duration.between(since, now));
    }
    state = next;
    since = now;
  }

  private double lagSeconds() {
    State current = state;
    if (current == State.FOLLOWING) {
      return 0;
    }
    return Duration.between(caughtUpAt, clock.instant()).toMillis() / 1000.0;
  }

  /** What an operator wants to know about the feed, for /actuator/info and health details. */
  Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("url", feed.url());
    status.put("state", state.name().toLowerCase(Locale.ROOT));
    status.put("since", since.toString());
    if (epoch != null) {
      status.put("epoch", epoch);
    }
    status.put("cursor", cursor);
    status.put("lagSeconds", lagSeconds());
    status.put("documents", index.documents());
    if (lastError != null) {
      status.put("lastError", lastError);
    }
    return status;
  }
}
