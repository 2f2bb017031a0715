package io.flotilla.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.flotilla.testsupport.StandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the math service on a free port of this machine: answers a few fixed requests the
 * way the real service does (echoing the request id it received) and records what reached it.
 * {@code /ackermann/...} hangs until the stand-in is closed (at most 30 s), for timeouts.
 */
final class StandInMath implements AutoCloseable {

  /** What one request looked like when it reached the math service. */
  record Received(String path, String query, List<String> requestIds, String traceparent) {}

  record Answer(int status, String contentType, String body) {}

  static final Map<String, Answer> ANSWERS =
      Map.of(
          "/factorial?n=5",
          new Answer(200, "application/json", "{\"n\":5,\"factorial\":\"120\"}"),
          "/factorial?n=-1",
          new Answer(
              400,
              "application/json",
              "{\"error\":\"n must be an integer from 0 to 100000, got \\\"-1\\\"\"}"),
          "/fibonacci/10/",
          new Answer(200, "application/json", "{\"n\":10,\"fibonacci\":\"55\"}"),
          "/ping",
          new Answer(200, "text/plain;charset=UTF-8", "pong"),
          "/",
          new Answer(200, "text/html;charset=UTF-8", "<p>portal</p>"),
          "/readyz",
          new Answer(200, "application/vnd.spring-boot.actuator.v3+json", "{\"status\":\"UP\"}"),
          "/v3/api-docs",
          new Answer(
              200,
              "application/json",
              "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Flotilla math\"},\"servers\":[{\"url\":\"/\"}]}"));

  private final StandInServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  private StandInMath() {
    server = StandInServer.start("/", this::answer);
  }

  static StandInMath start() {
    return new StandInMath();
  }

  String url() {
    return server.url();
  }

  /** The requests that reached the stand-in since the last call, oldest first. */
  List<Received> drainReceived() {
    List<Received> all = new ArrayList<>();
    received.drainTo(all);
    return all;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      List<String> ids = exchange.getRequestHeaders().getOrDefault("X-Request-Id", List.of());
      String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
      received.add(new Received(path, query, List.copyOf(ids), traceparent));

      if (path.startsWith("/ackermann")) {
        try {
          closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Answer answer =
          ANSWERS.getOrDefault(
              query == null ? path : path + "?" + query,
              new Answer(404, "application/json", "{\"error\":\"not found\"}"));
      // The real service runs on the platform, which returns the request id it was given.
      ids.forEach(id -> exchange.getResponseHeaders().add("X-Request-Id", id));
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.close();
  }
}
