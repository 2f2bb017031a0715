package io.flotilla.gateway.status;

import io.netty.channel.ChannelOption;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * {@code GET /api/v1/status}: whether each service behind the gateway is ready, as the web app's
 * home page shows it. Every instance the gateway routes to (one per service, or each replica) is
 * asked for its readiness in parallel; a service is UP while at least one of its instances is. The
 * whole answer is shared for {@code flotilla.status.cache-for}, so however often it is asked, each
 * instance gets at most one question per period from this gateway.
 */
@RestController
@EnableConfigurationProperties(StatusProperties.class)
class StatusController {

  record ServiceStatus(String name, String status, String detail) {}

  record SystemStatus(String status, Instant checked, List<ServiceStatus> services) {}

  private final Mono<SystemStatus> status;

  StatusController(StatusProperties properties, ReactiveDiscoveryClient instances) {
    StatusProperties.Check check = properties.status();
    WebClient client =
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create()
                        .option(
                            ChannelOption.CONNECT_TIMEOUT_MILLIS,
                            (int) check.timeout().toMillis())))
            .build();
    this.status =
        // By name: the configured names come in the order of their property sources.
        Flux.fromIterable(new TreeSet<>(properties.services().keySet()))
            .flatMapSequential(service ->
                instances
                    .getInstances(service)
                    .flatMap(instance -> ask(client, instance.getUri(), check))
                    .collectList()
                    .map(answers -> summary(service, answers)))
            .collectList()
            .map(answers ->
                new SystemStatus(
                    answers.stream().allMatch(answer -> answer.status().equals("UP"))
                        ? "UP"
                        : "DEGRADED",
                    Instant.now(),
                    answers))
            .cache(check.cacheFor());
  }

  @Operation(
      summary = "Whether each service behind the gateway is ready",
      description =
          "UP when every service answers its readiness check, else DEGRADED; each service UP,"
              + " DOWN (answered not ready) or UNREACHABLE. Shared for a couple of seconds.")
  @GetMapping("/api/v1/status")
  Mono<SystemStatus> status() {
    return status;
  }

  /** One instance's answer: its status and, unless UP, why. */
  private record Answer(String status, String detail) {}

  private static Mono<Answer> ask(WebClient client, URI instance, StatusProperties.Check check) {
    return client
        .get()
        .uri(instance.resolve("/readyz"))
        .exchangeToMono(response ->
            response
                .releaseBody()
                .thenReturn(
                    response.statusCode().is2xxSuccessful()
                        ? new Answer("UP", null)
                        : new Answer(
                            "DOWN",
                            "answered "
                                + response.statusCode().value()
                                + " to its readiness check")))
        .timeout(check.timeout())
        .onErrorResume(error ->
            Mono.just(
                new Answer(
                    "UNREACHABLE",
                    error instanceof TimeoutException
                        ? "did not answer within " + check.timeout().toMillis() + " ms"
                        : "cannot be reached")));
  }

  /** UP while one instance is; otherwise the first instance's state. Replicas are counted. */
  private static ServiceStatus summary(String service, List<Answer> answers) {
    if (answers.isEmpty()) {
      return new ServiceStatus(service, "UNREACHABLE", "no instance is configured");
    }
    if (answers.size() == 1) {
      Answer only = answers.getFirst();
      return new ServiceStatus(service, only.status(), only.detail());
    }
    long up = answers.stream().filter(answer -> answer.status().equals("UP")).count();
    String count = up + " of " + answers.size() + " instances ready";
    return new ServiceStatus(service, up > 0 ? "UP" : answers.getFirst().status(), count);
  }
}
