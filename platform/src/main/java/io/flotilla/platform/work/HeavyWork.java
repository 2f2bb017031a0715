package io.flotilla.platform.work;

import io.flotilla.platform.ClientAddresses;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Runs CPU-heavy work (password hashing, big computations) on a bounded pool of platform threads, a
 * Resilience4j {@link ThreadPoolBulkhead}. Requests are served on virtual threads, whose carriers
 * are as many as the cores and shared by everything in the JVM (all nine services in the launcher):
 * work that computes without blocking would hold them, and no other request would run. Here the
 * waiting request's virtual thread parks and frees its carrier, and the operating system shares the
 * cores between the pool and the carriers. The pool's threads run at {@link Thread#MIN_PRIORITY},
 * which a JVM started with {@code -XX:ThreadPriorityPolicy=1} makes a higher nice value: a request
 * that wakes up gets a core at once rather than after the work's time slice.
 *
 * <p>Past the pool and its queue the answer is a 503, and past one client's share of them a 429,
 * both problem+json with {@code Retry-After}, at once, before any work; work that no thread took
 * within {@code max-wait} is a 503 too, and so is work not done within {@code timeout}: a request
 * never waits long for its turn, nor until the gateway answers 504 for it. The client is the one
 * {@link ClientAddresses} names: the connection's address, or the one a trusted proxy forwarded.
 */
public final class HeavyWork implements AutoCloseable {

  private final ThreadPoolBulkhead pool;
  private final ClientShares shares;
  private final ClientAddresses clients;
  private final String retryAfter;
  private final Executor deadline;
  private final Counter refusedBusy;
  private final Counter refusedShare;
  private final Counter refusedLate;
  private final Duration timeout;

  HeavyWork(
      ThreadPoolBulkhead pool,
      WorkSettings settings,
      ClientAddresses clients,
      MeterRegistry meters) {
    this.pool = pool;
    this.clients = clients;
    this.shares = new ClientShares(settings.clientShare());
    // Whole seconds, rounded up, as Retry-After takes them.
    this.retryAfter = Long.toString((settings.retryAfter().toMillis() + 999) / 1000);
    // Runs the check on the JDK's one timer thread itself: it only completes a future.
    this.deadline =
        CompletableFuture.delayedExecutor(
            settings.maxWait().toMillis(), TimeUnit.MILLISECONDS, Runnable::run);
    this.refusedBusy = refused(meters, "busy");
    this.refusedShare = refused(meters, "client_share");
    this.refusedLate = refused(meters, "timeout");
    this.timeout = settings.timeout();
  }

  private static Counter refused(MeterRegistry meters, String reason) {
    return Counter.builder("flotilla.work.refused")
        .description(
            "Heavy work refused: busy (503, before it started), timeout (503, not done in time)"
                + " or client_share (429)")
        .tag("reason", reason)
        .register(meters);
  }

  /** The work's result, computed on the pool while this thread waits: see {@link #await}. */
  public <T> T run(Supplier<T> work) {
    return await(submit(work));
  }

  /** The same for a client the caller knows better, e.g. from a trusted proxy's header. */
  public <T> T run(String client, Supplier<T> work) {
    return await(submit(client, work));
  }

  /**
   * The result of heavy work, waited for at most {@code timeout}: past it a 503, well before the
   * gateway gives up, while the work goes on (a cache keeps its result for the retry). The work's
   * exception as it threw it.
   */
  public <T> T await(CompletableFuture<T> result) {
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      refusedLate.increment();
      throw busy();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw new CompletionException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }

  /**
   * The work, started on the pool: for a caller that hands the future on (a cache that shares one
   * computation between requests).
   *
   * @throws ErrorResponseException 503 when the pool and its queue are full, 429 when the client
   *     already holds its share of them; the future fails with a 503 when no thread took the work
   *     within {@code max-wait}
   */
  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    return submit(clients.current(), work);
  }

  /** The same for a client the caller knows better; none to count it under no client. */
  public <T> CompletableFuture<T> submit(@Nullable String client, Supplier<T> work) {
    if (client != null && !shares.enter(client)) {
      refusedShare.increment();
      throw refusal(
          HttpStatus.TOO_MANY_REQUESTS,
          "Too much expensive work from this client at once; try again in " + retryAfter + " s.");
    }
    var answer = new CompletableFuture<T>();
    // Whichever comes first takes the work: a thread of the pool, which runs it, or the deadline,
    // which answers 503 and leaves the thread nothing to do.
    var taken = new AtomicBoolean();
    Supplier<T> task = withLogContext(work);
    try {
      pool.executeRunnable(() -> {
        if (taken.compareAndSet(false, true)) {
          Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
          try {
            answer.complete(task.get());
          } catch (Throwable failure) {
            answer.completeExceptionally(failure);
          }
        }
      });
    } catch (BulkheadFullException full) {
      if (client != null) {
        shares.leave(client);
      }
      refusedBusy.increment();
      throw busy();
    }
    deadline.execute(() -> {
      if (taken.compareAndSet(false, true)) {
        refusedBusy.increment();
        answer.completeExceptionally(busy());
      }
    });
    // The share is free again before the caller sees the result, so its next request may enter.
    return client == null ? answer : answer.whenComplete((value, failure) -> shares.leave(client));
  }

  private ErrorResponseException busy() {
    return refusal(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The service is busy with expensive work; try again in " + retryAfter + " s.");
  }

  private ErrorResponseException refusal(HttpStatus status, String detail) {
    var refusal =
        new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
    return refusal;
  }

  /** The request's log fields (request id, trace id) on the pool's thread too. */
  private static <T> Supplier<T> withLogContext(Supplier<T> work) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    if (context == null) {
      return work;
    }
    return () -> {
      MDC.setContextMap(context);
      try {
        return work.get();
      } finally {
        MDC.clear();
      }
    };
  }

  /** Stops the pool's threads once the work given to them is done. */
  @Override
  public void close() throws Exception {
    pool.close();
  }
}
