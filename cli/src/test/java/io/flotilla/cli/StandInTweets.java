package io.flotilla.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokenDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The tweets service's {@code POST /internal/v1/generated-tweets} as its contract says: a service
 * token for tweets, checked with the services' own check (401 problem+json without one), and {@code
 * {"created":N,"public":N-1,...}} for a body of {@code {"count":N,"users":U}}. Records each body.
 */
final class StandInTweets implements AutoCloseable {

  private static final Pattern BODY = Pattern.compile("\\{\"count\":(\\d+),\"users\":(\\d+)}");

  final Queue<String> bodies = new ConcurrentLinkedQueue<>();
  private final JwtDecoder tokens =
      ServiceTokenDecoder.forService(ServiceSecret.key(TokenCommandTest.SECRET), "tweets");
  private final HttpServer server;
  private long nextId = 1;

  StandInTweets() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(GenerateTweetsCommand.PATH, this::generate);
    server.start();
  }

  String base() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private synchronized void generate(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    try {
      tokens.decode(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
    } catch (JwtException | IllegalArgumentException refused) {
      answer(exchange, 401, "application/problem+json", "{\"detail\":\"Bad service token.\"}");
      return;
    }
    bodies.add(body);
    Matcher call = BODY.matcher(body);
    if (!exchange.getRequestMethod().equals("POST") || !call.matches()) {
      answer(exchange, 400, "application/problem+json", "{\"detail\":\"Bad body.\"}");
      return;
    }
    int count = Integer.parseInt(call.group(1));
    long first = nextId;
    nextId += count;
    answer(
        exchange,
        200,
        "application/json",
        "{\"created\":"
            + count
            + ",\"public\":"
            + (count - 1)
            + ",\"firstId\":"
            + first
            + ",\"lastId\":"
            + (nextId - 1)
            + "}");
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
