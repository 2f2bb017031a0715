package io.flotilla.menu;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two relay replicas sharing a real Redis in front of the real sample upstream: between them, one
 * upstream call per path per expiry. Runs when FLOTILLA_TEST_REDIS_URL names a Redis (.ci/run sets
 * it when one answers on 127.0.0.1:6379); each run writes under a prefix of its own.
 */
@EnabledIfEnvironmentVariable(named = "FLOTILLA_TEST_REDIS_URL", matches = ".+")
class SharedCacheTest {

  static final SampleUpstream lunch = SampleUpstream.start();
  static final TestClock clock = new TestClock();
  static final String prefix = "flotilla-test:" + UUID.randomUUID() + ":";

  static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

  // Each test asks for a restaurant of its own, so the two replicas serve every test.
  static Http first;
  static Http second;

  @BeforeAll
  static void startReplicas() {
    first = replica();
    second = replica();
  }

  @AfterEach
  void noFaults() {
    lunch.noFaults();
  }

  @AfterAll
  static void stop() {
    replicas.forEach(ConfigurableApplicationContext::close);
    lunch.close();
  }

  @Test
  void aCopyFetchedByOneReplicaIsAHitOnTheOther() {
    long calls = lunch.calls();

    Http.Answer fetched = first.get("/restaurant/glada");
    clock.advance(Duration.ofSeconds(4));
    Http.Answer shared = second.get("/restaurant/glada");

    assertThat(fetched.header("X-Cache")).isEqualTo("MISS");
    assertThat(shared.header("X-Cache")).isEqualTo("HIT");
    assertThat(shared.header("Age")).isEqualTo("4");
    assertThat(shared.bytes()).isEqualTo(fetched.bytes());
    assertThat(lunch.calls()).isEqualTo(calls + 1);
  }

  @Test
  void afterExpiryConcurrentRequestsToBothReplicasMakeOneUpstreamCall() throws Exception {
    first.get("/restaurant/hjulet");
    second.get("/restaurant/hjulet");
    clock.advance(Duration.ofSeconds(11));
    lunch.faults("{\"delay\":\"300ms\",\"errorRate\":0.0,\"outage\":false}");
    long calls = lunch.calls();

    List<Http.Answer> answers =
        Concurrently.get(100, i -> () -> (i % 2 == 0 ? first : second).get("/restaurant/hjulet"));

    assertThat(answers).extracting(Http.Answer::status).containsOnly(200);
    assertThat(lunch.calls()).isEqualTo(calls + 1);
  }

  @Test
  void anotherReplicasCopyStandsInWhenTheUpstreamFails() {
    Http.Answer good = first.get("/restaurant/livet");
    clock.advance(Duration.ofSeconds(20));
    lunch.faults("{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":true}");

    Http.Answer stale = second.get("/restaurant/livet");

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.header("X-Cache")).isEqualTo("STALE");
    assertThat(stale.bytes()).isEqualTo(good.bytes());
  }

  static Http replica() {
    String redisUrl = System.getenv("FLOTILLA_TEST_REDIS_URL");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(MenuApplication.class)
            // One clock for both replicas, as the machines of a cluster share the time of day.
            .initializers(ctx ->
                ((GenericApplicationContext) ctx)
                    .registerBean(
                        "testClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)))
            // Arguments, not default properties: they must win over application.yaml.
            .run(
                "--server.port=0",
                "--flotilla.menu.upstream-url=" + lunch.url,
                "--flotilla.menu.redis-url=" + redisUrl,
                "--flotilla.menu.redis-key-prefix=" + prefix);
    replicas.add(context);
    return Http.port(((WebServerApplicationContext) context).getWebServer().getPort());
  }
}
