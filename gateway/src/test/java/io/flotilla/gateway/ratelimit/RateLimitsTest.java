package io.flotilla.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.gateway.ratelimit.RateLimitProperties.Limit;
import io.flotilla.platform.TrustedProxies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Which buckets a request draws on, and who is never limited: no server, no network. */
class RateLimitsTest {

  private static final Limit ONE = new Limit(1, Duration.ofMinutes(1));

  private static RateLimitProperties settings(List<String> unlimited) {
    return new RateLimitProperties(
        true, ONE, ONE, ONE, ONE, unlimited, "", "flotilla:rate-limit:", 1000);
  }

  private final AtomicInteger passed = new AtomicInteger();
  private final WebFilterChain chain = exchange -> Mono.fromRunnable(passed::incrementAndGet);

  private static MockServerWebExchange from(String address) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.post("/api/v1/auth/login")
            .remoteAddress(new InetSocketAddress(address, 40000)));
  }

  @Test
  void theMachineItselfIsNeverLimitedByDefault() {
    var limits =
        new RateLimits(
            settings(List.of("127.0.0.1", "::1")),
            TrustedProxies.NONE,
            new LocalBuckets(1000, Duration.ofMinutes(1)),
            new SimpleMeterRegistry());

    for (int i = 0; i < 3; i++) {
      limits.filter(from("127.0.0.1"), chain).block();
    }
    assertThat(passed).hasValue(3);
  }

  @Test
  void anotherAddressIsLimited() {
    var limits =
        new RateLimits(
            settings(List.of("127.0.0.1", "::1")),
            TrustedProxies.NONE,
            new LocalBuckets(1000, Duration.ofMinutes(1)),
            new SimpleMeterRegistry());

    limits.filter(from("127.0.0.2"), chain).block();
    Mono<Void> second = limits.filter(from("127.0.0.2"), chain);

    assertThat(second.onErrorResume(refused -> Mono.empty()).then(Mono.just(passed.get())).block())
        .isEqualTo(1);
  }

  @Test
  void aLoginDrawsOnTheLoginAndAddressBucketsAndATokenOnItsOwn() {
    var limits =
        new RateLimits(
            settings(List.of()),
            TrustedProxies.NONE,
            new LocalBuckets(1000, Duration.ofMinutes(1)),
            new SimpleMeterRegistry());
    var request =
        MockServerHttpRequest.post("/api/v1/auth/login")
            .header("Authorization", "Bearer abc")
            .build();

    assertThat(limits.checksOf(request, "198.51.100.1"))
        .extracting(RateLimits.Check::limit, RateLimits.Check::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("login", "198.51.100.1"),
            org.assertj.core.groups.Tuple.tuple("account", RateLimits.hash("abc")),
            org.assertj.core.groups.Tuple.tuple("address", "198.51.100.1"));
    assertThat(RateLimits.hash("abc")).hasSize(32).isNotEqualTo(RateLimits.hash("abd"));
  }

  @Test
  void pathsAreComparedAsTheServiceWillSeeThem() {
    assertThat(RateLimits.normalized(PathContainer.parsePath("/api/v1/auth//./%6Cogin;x=1")))
        .isEqualTo("/api/v1/auth/login");
    assertThat(RateLimits.normalized(PathContainer.parsePath("/api/v1/x/../users/")))
        .isEqualTo("/api/v1/users");
  }
}
