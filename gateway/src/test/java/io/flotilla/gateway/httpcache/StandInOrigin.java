package io.flotilla.gateway.httpcache;

import com.sun.net.httpserver.HttpExchange;
import io.flotilla.testsupport.StandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a service behind the gateway: answers each path (with its query) the way a test
 * said, numbering its answers so a test can tell a kept copy from a fresh one, and counts the
 * requests that reached it.
 */
final class StandInOrigin implements AutoCloseable {

  /** An answer: status, headers, and a body in which {@code #} becomes the answer's number. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private final StandInServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  StandInOrigin() {
    server = StandInServer.start("/", this::answer);
  }

  String url() {
    return server.url();
  }

  void answer(String pathAndQuery, Answer answer) {
    answers.put(pathAndQuery, answer);
  }

  /** How many requests for this path and query reached the stand-in. */
  int requests(String pathAndQuery) {
    return requests.computeIfAbsent(pathAndQuery, key -> new AtomicInteger()).get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      String key = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
      int number = requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      Answer answer =
          answers.getOrDefault(key, new Answer(404, Map.of(), "{\"error\":\"not found\"}"));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      byte[] body =
          answer.body().replace("#", Integer.toString(number)).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
