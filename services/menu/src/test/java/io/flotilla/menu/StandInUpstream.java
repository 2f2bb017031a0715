package io.flotilla.menu;

import io.flotilla.testsupport.StandInServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An upstream that misbehaves in ways the sample one cannot (an HTML page, a body too large, a
 * hang), on a free port of this machine. It answers every request with what {@link #answer} last
 * set, after {@link #delay}, and records the path and query of what reached it.
 */
final class StandInUpstream implements AutoCloseable {

  private final StandInServer server;
  final Queue<String> received = new ConcurrentLinkedQueue<>();
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
  private volatile Duration delay = Duration.ZERO;

  StandInUpstream() {
    server =
        StandInServer.start(
            "/",
            exchange -> {
              received.add(
                  exchange.getRequestURI().getRawPath() + queryOf(exchange.getRequestURI()));
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.getResponseHeaders().set("Content-Type", contentType);
              exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
  }

  String url() {
    return server.url();
  }

  void answer(int status, String contentType, String body) {
    answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  void answer(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  private static String queryOf(java.net.URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  @Override
  public void close() {
    server.close();
  }
}
