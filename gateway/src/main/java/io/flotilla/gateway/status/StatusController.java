package io.flotilla.gateway.status;

import io.netty.channel.ChannelOption;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * {@code GET /api/v1/status}: whether each service behind the gateway is ready, as the web app's
 * home page shows it. Each service is asked for its readiness in parallel; the whole answer is
 * shared for {@code flotilla.status.cache-for}, so however often it is asked, each service gets at
 * most one question per period from this gateway.
 */
@RestController
@EnableConfigurationProperties(StatusProperties.class)
class StatusController {

  record ServiceStatus(String name, String status, String detail) {}

  record SystemStatus(String status, Instant checked, List<ServiceStatus> services) {}

  private final Mono<SystemStatus> status;

  StatusController(StatusProperties properties) {
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
    Map<String, URI> services = properties.services();
    this.status =
        Flux.fromIterable(services.entrySet())
            .flatMapSequential(service -> ask(client, service.getKey(), service.getValue(), check))
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

  private static Mono<ServiceStatus> ask(
      WebClient client, String name, URI base, StatusProperties.Check check) {
    return client
        .get()
        .uri(base.resolve("/actuator/health/readiness"))
        .exchangeToMono(response ->
            response
                .releaseBody()
                .thenReturn(
                    response.statusCode().is2xxSuccessful()
                        ? new ServiceStatus(name, "UP", null)
                        : new ServiceStatus(
                            name,
                            "DOWN",
                            "answered "
                                + response.statusCode().value()
                                + " to its readiness check")))
        .timeout(check.timeout())
        .onErrorResume(error ->
            Mono.just(
                new ServiceStatus(
                    name,
                    "UNREACHABLE",
                    error instanceof TimeoutException
                        ? "did not answer within " + check.timeout().toMillis() + " ms"
                        : "cannot be reached")));
  }
}
