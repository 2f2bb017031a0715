package io.flotilla.hardware;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Availability per row, probed concurrently and kept for a while, so that a list of any length
 * costs at most one probe's deadline, and nothing once its answers are cached.
 *
 * <ul>
 *   <li>Every probe runs on its own virtual thread: 100 rows cost about one delay, not 100.
 *   <li>A probe past {@code flotilla.hardware.probe.deadline} is interrupted and its row shows
 *       {@code UNKNOWN}. That answer is not cached, so the next request probes again rather than
 *       repeating {@code UNKNOWN} for a whole TTL.
 *   <li>An answer older than {@code flotilla.hardware.probe.ttl} is still served at once, and
 *       re-checked in the background (Caffeine's refresh-after-write).
 *   <li>Concurrent requests for a row that is being probed share that probe (the cache holds the
 *       pending answer).
 * </ul>
 *
 * The cache key is the whole row, so a probe answers for the provider and name it was asked about;
 * {@link #forget} drops a row's answer when the row changes or goes.
 */
@Component
class AvailabilityCache implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AvailabilityCache.class);

  private final AvailabilityProbe probe;
  private final Duration deadline;
  private final MeterRegistry registry;
  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("probe-", 0).factory());
  private final AsyncLoadingCache<Hardware, Availability> answers;

  AvailabilityCache(
      AvailabilityProbe probe, HardwareProperties properties, MeterRegistry registry) {
    this.probe = probe;
    this.deadline = properties.probe().deadline();
    this.registry = registry;
    this.answers =
        CaffeineCacheMetrics.monitor(
            registry,
            Caffeine.newBuilder()
                .maximumSize(properties.probe().cacheSize())
                .refreshAfterWrite(properties.probe().ttl())
                .executor(threads)
                .recordStats()
                .buildAsync((Hardware row, Executor executor) ->
                    CompletableFuture.supplyAsync(() -> checkWithinDeadline(row), executor)),
            "hardware.availability");
  }

  /** The rows' availabilities, in the rows' order; their probes run at the same time. */
  List<Availability> of(List<Hardware> rows) {
    List<CompletableFuture<Availability>> pending = rows.stream().map(answers::get).toList();
    return pending.stream().map(AvailabilityCache::answer).toList();
  }

  Availability of(Hardware row) {
    return answer(answers.get(row));
  }

  /** Drops the answer for a row that changed or was deleted. */
  void forget(long id) {
    answers.synchronous().asMap().keySet().removeIf(row -> row.id() == id);
  }

  /** A pending answer, waited for; no answer (deadline passed, probe failed) is UNKNOWN. */
  private static Availability answer(CompletableFuture<Availability> pending) {
    return Objects.requireNonNullElse(
        pending.exceptionally(failure -> null).join(), Availability.UNKNOWN);
  }

  /**
   * Runs one probe on a virtual thread of its own and waits for it until the deadline. Null, which
   * Caffeine does not cache, when there is no answer.
   */
  private Availability checkWithinDeadline(Hardware row) {
    long start = System.nanoTime();
    Future<Availability> check = threads.submit(() -> probe.check(row));
    String outcome = "error";
    try {
      Availability answer = check.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      outcome = answer.name().toLowerCase(Locale.ROOT);
      return answer;
    } catch (TimeoutException e) {
      check.cancel(true);
      outcome = "timeout";
      log.warn("probe id={} timed out after {} ms", row.id(), deadline.toMillis());
      return null;
    } catch (ExecutionException e) {
      log.warn("probe id={} failed", row.id(), e.getCause());
      return null;
    } catch (InterruptedException e) {
      // Shutting down: stop the probe too.
      check.cancel(true);
      Thread.currentThread().interrupt();
      outcome = "interrupted";
      return null;
    } finally {
      Timer.builder("hardware.probe")
          .description("Availability probes, by answer (high, medium, low) or timeout/error")
          .tag("outcome", outcome)
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
