package io.flotilla.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.ClientAddresses;
import io.flotilla.platform.TrustedProxies;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class HeavyWorkTest {

  private final HeavyWork work = heavyWork("test", Duration.ofMinutes(1), Duration.ofMinutes(1));

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void finish() throws Exception {
    release.countDown();
    RequestContextHolder.resetRequestAttributes();
    work.close();
  }

  @Test
  void workRunsOnAPlatformThreadWhileTheVirtualThreadThatAskedWaits() throws Exception {
    try (var virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
      String thread =
          virtualThreads
              .submit(() -> work.run(() -> Thread.currentThread().isVirtual() + " " + name()))
              .get(10, TimeUnit.SECONDS);
      assertThat(thread).isEqualTo("false bulkhead-test-1");
    }
  }

  @Test
  void workRunsAtTheLowestPriority() {
    assertThat(work.run(() -> Thread.currentThread().getPriority())).isEqualTo(Thread.MIN_PRIORITY);
  }

  @Test
  void theWorksExceptionReachesTheCallerAsThrown() {
    assertThatThrownBy(() ->
            work.run(() -> {
              throw new IllegalArgumentException("bad n");
            }))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad n");
  }

  @Test
  void pastThePoolAndItsQueueTheAnswerIs503WithRetryAfter() {
    asClient("10.0.0.1");
    blocked();
    blocked();
    asClient("10.0.0.2");
    blocked();

    assertThatThrownBy(() -> work.submit(() -> 1))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
              assertThat(refused.getBody().getDetail())
                  .isEqualTo("The service is busy with expensive work; try again in 2 s.");
            });
  }

  @Test
  void workThatNoThreadTookInTimeIs503AndNeverRuns() throws Exception {
    HeavyWork briefWait = heavyWork("brief", Duration.ofMillis(50), Duration.ofMinutes(1));
    var ran = new AtomicBoolean();
    try {
      CompletableFuture<Integer> running =
          briefWait.submit(() -> {
            awaitRelease();
            return 1;
          });
      CompletableFuture<Integer> waiting =
          briefWait.submit(() -> {
            ran.set(true);
            return 2;
          });

      assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              refused ->
                  assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      briefWait.close();
    }
    assertThat(ran).isFalse();
  }

  @Test
  void workNotDoneInTimeIs503WhileItGoesOnForTheNextAsker() throws Exception {
    HeavyWork impatient = heavyWork("impatient", Duration.ofMinutes(1), Duration.ofMillis(50));
    try {
      CompletableFuture<Integer> slow =
          impatient.submit(() -> {
            awaitRelease();
            return 7;
          });

      assertThatThrownBy(() -> impatient.await(slow))
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              refused ->
                  assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(7);
    } finally {
      impatient.close();
    }
  }

  @Test
  void oneClientPastItsShareGets429WhileAnotherStillGetsIn() throws Exception {
    asClient("10.0.0.1");
    blocked();
    blocked();

    assertThatThrownBy(() -> work.submit(() -> 1))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            refused -> {
              assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            });

    asClient("10.0.0.2");
    CompletableFuture<Integer> other = work.submit(() -> 2);
    release.countDown();
    assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void clientsBehindATrustedProxyHaveAShareEach() throws Exception {
    viaProxy("10.0.0.9", "203.0.113.1");
    blocked();
    blocked();
    assertThatThrownBy(() -> work.submit(() -> 1))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));

    // The same proxy for another client: not the proxy's share, the client's.
    viaProxy("10.0.0.9", "203.0.113.2");
    CompletableFuture<Integer> other = work.submit(() -> 2);
    release.countDown();
    assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void aClientsShareIsFreeAgainOnceItsWorkIsDone() throws Exception {
    asClient("10.0.0.1");
    CompletableFuture<Integer> first = blocked();
    CompletableFuture<Integer> second = blocked();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);

    assertThat(work.run(() -> 3)).isEqualTo(3);
  }

  private CompletableFuture<Integer> blocked() {
    return work.submit(() -> {
      awaitRelease();
      return 0;
    });
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One thread, two places in the queue, two per client; Retry-After 1.5 s, said as 2; 10.0.0.9 a
   * trusted proxy.
   */
  private static HeavyWork heavyWork(String name, Duration maxWait, Duration timeout) {
    return new HeavyWork(
        ThreadPoolBulkhead.of(
            name,
            ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(1)
                .maxThreadPoolSize(1)
                .queueCapacity(2)
                .build()),
        new WorkSettings(1, 2, 2, maxWait, timeout, Duration.ofMillis(1500)),
        new ClientAddresses(TrustedProxies.of(List.of("10.0.0.9"))),
        new SimpleMeterRegistry());
  }

  private static void viaProxy(String address, String forwardedFor) {
    var request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    request.addHeader("X-Forwarded-For", forwardedFor);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  private static void asClient(String address) {
    var request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  private static String name() {
    return Thread.currentThread().getName();
  }
}
