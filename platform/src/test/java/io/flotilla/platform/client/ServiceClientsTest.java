package io.flotilla.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.sample.SampleApplication;
import io.flotilla.testsupport.StandInServer;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The platform's client against real HTTP stand-ins: each peer below is a service name whose
 * instances are stand-in servers, listed as URLs in the simple discovery client.
 */
@SpringBootTest(
    classes = SampleApplication.class,
    properties = {
      "flotilla.client.services.flaky.circuit-breaker.minimum-calls=2",
      "flotilla.client.services.slow.read-timeout=200ms"
    })
class ServiceClientsTest {

  static final Instance failing = new Instance(503, 0);
  static final Instance healthy = new Instance(200, 0);
  static final Instance writeFailing = new Instance(503, 0);
  static final Instance writeFailingToo = new Instance(503, 0);
  static final Instance flaky = new Instance(500, 0);
  static final Instance hanging = new Instance(200, 3000);
  static final Instance templateFailing = new Instance(503, 0);
  static final Instance templateHealthy = new Instance(200, 0);

  @DynamicPropertySource
  static void instances(DynamicPropertyRegistry registry) {
    String instances = "spring.cloud.discovery.client.simple.instances.";
    registry.add(instances + "replicated", () -> failing.url() + "," + healthy.url());
    registry.add(instances + "writes", () -> writeFailing.url() + "," + writeFailingToo.url());
    registry.add(instances + "flaky", flaky::url);
    registry.add(instances + "slow", hanging::url);
    registry.add(
        instances + "templated", () -> templateFailing.url() + "," + templateHealthy.url());
  }

  @AfterAll
  static void stop() {
    for (Instance instance :
        new Instance[] {
          failing, healthy, writeFailing, writeFailingToo, templateFailing, templateHealthy
        }) {
      instance.close();
    }
    flaky.close();
    hanging.close();
  }

  @Autowired ServiceClients clients;

  @Test
  void aFailedGetIsRetriedOnTheOtherInstance() {
    RestClient replicated = clients.builder("replicated").build();

    for (int i = 0; i < 2; i++) {
      assertThat(replicated.get().uri("/things").retrieve().body(String.class)).isEqualTo("ok");
    }

    // One of the two calls started at the failing instance and went on to the healthy one; the
    // other one passed over the failing instance, which had just failed.
    assertThat(failing.hits()).isEqualTo(1);
    assertThat(healthy.hits()).isEqualTo(2);
  }

  @Test
  void aPostIsNeverSentTwice() {
    RestClient writes = clients.builder("writes").build();

    assertThatThrownBy(() -> writes.post().uri("/things").body("{}").retrieve().toBodilessEntity())
        .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);

    assertThat(writeFailing.hits() + writeFailingToo.hits()).isEqualTo(1);
  }

  @Test
  void theTemplateIsTheSameClientForLibrariesThatTakeRestOperations() {
    RestTemplate templated = clients.restTemplate("templated");
    String url = clients.baseUrl("templated") + "/things";

    for (int i = 0; i < 2; i++) {
      assertThat(templated.getForObject(url, String.class)).isEqualTo("ok");
    }

    assertThat(templateFailing.hits()).isEqualTo(1);
    assertThat(templateHealthy.hits()).isEqualTo(2);
  }

  @Test
  void afterEnoughFailuresTheCircuitOpensAndNoCallIsMade() {
    RestClient client = clients.builder("flaky").build();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.get().uri("/things").retrieve().toBodilessEntity())
          .isInstanceOf(HttpServerErrorException.InternalServerError.class);
    }

    assertThatThrownBy(() -> client.get().uri("/things").retrieve().toBodilessEntity())
        .isInstanceOfSatisfying(
            CircuitOpenException.class, open -> assertThat(open.service()).isEqualTo("flaky"));
    assertThat(flaky.hits()).isEqualTo(2);
  }

  @Test
  void anInstanceThatDoesNotAnswerInTheReadTimeoutIsAFailure() {
    RestClient slow = clients.builder("slow").build();

    assertThatThrownBy(() -> slow.get().uri("/things").retrieve().toBodilessEntity())
        .isInstanceOfSatisfying(
            ResourceAccessException.class,
            failure ->
                assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                    .isInstanceOf(HttpTimeoutException.class));
  }

  @Test
  void eachPeerHasItsOwnSettingsOverTheSharedOnes() {
    assertThat(clients.settings("slow").readTimeout()).hasMillis(200);
    assertThat(clients.settings("slow").connectTimeout()).hasSeconds(1);
    assertThat(clients.settings("flaky").readTimeout()).hasSeconds(5);
    assertThat(clients.settings("flaky").circuitBreaker().minimumCalls()).isEqualTo(2);
    assertThat(clients.settings("slow").circuitBreaker().minimumCalls()).isEqualTo(5);
  }

  /** One instance of a peer: answers every request with its status, after its delay. */
  static final class Instance implements AutoCloseable {

    private final AtomicInteger hits = new AtomicInteger();
    private final StandInServer server;

    Instance(int status, long delayMillis) {
      server =
          StandInServer.start(
              "/",
              exchange -> {
                hits.incrementAndGet();
                try {
                  Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                byte[] body = (status == 200 ? "ok" : "failed").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
              });
    }

    String url() {
      return server.url();
    }

    int hits() {
      return hits.get();
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
