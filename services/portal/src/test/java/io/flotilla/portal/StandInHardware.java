package io.flotilla.portal;

import com.sun.net.httpserver.HttpExchange;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.StandInServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for one hardware replica on a free port of this machine: answers {@code GET /hardware/}
 * with whatever the test set, or hangs until closed (at most 30 s) to stand for a replica too slow
 * to wait for, and records the request id of every request that reached it.
 */
final class StandInHardware implements AutoCloseable {

  /** The seed's two rows as hardware returns them, with the id and a field the portal ignores. */
  static final String SEED_ROWS =
      """
      [{"availability":"HIGH","id":1,"name":"c5","provider":"Amazon","zone":"eu-west-1"},\
      {"availability":"LOW","id":2,"name":"H16mr","provider":"Azure"}]\
      """;

  private record Answer(int status, String body, boolean hang) {}

  private final StandInServer server;
  private final List<String> requestIds = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Answer answer = new Answer(200, SEED_ROWS, false);

  private StandInHardware() {
    server = StandInServer.start("/hardware/", this::answer);
  }

  /** A replica answering the seed's two rows until told otherwise. */
  static StandInHardware start() {
    return new StandInHardware();
  }

  /**
   * The URL of a port nothing listens on (bound, then released), for a replica that is down: the
   * portal's connection is refused.
   */
  static String downUrl() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      return "http://localhost:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return server.url();
  }

  /** How many of the portal's calls to a replica ended with an outcome, as Prometheus sees them. */
  static double calls(Http portal, String replica, String outcome) {
    return portal.scraped(
        "portal_hardware_calls_seconds_count",
        "replica=\"" + replica + "\"",
        "outcome=\"" + outcome + "\"");
  }

  StandInHardware answering(int status, String json) {
    answer = new Answer(status, json, false);
    return this;
  }

  StandInHardware hanging() {
    answer = new Answer(200, "[]", true);
    return this;
  }

  /** How many requests reached this replica so far. */
  int hits() {
    return requestIds.size();
  }

  /** The X-Request-Id of each request that reached this replica ("" when there was none). */
  List<String> requestIds() {
    return List.copyOf(requestIds);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
      requestIds.add(requestId == null ? "" : requestId);
      Answer current = answer;
      if (current.hang()) {
        try {
          closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(current.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.close();
  }
}
