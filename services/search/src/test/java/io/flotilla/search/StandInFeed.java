package io.flotilla.search;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The tweets service's change feed as the contract describes it, from an in-memory list: {@code GET
 * /internal/v1/changes?after=&limit=&wait=} with long polling, for search's service token only (401
 * without it). It records the query of every request, can answer an error status instead, and can
 * go down (connections refused) and come back on the same port.
 */
final class StandInFeed implements AutoCloseable {

  /** The shared service secret: search's tests give it to search. */
  static final String SECRET = "the tests' service secret, 32 bytes or more";

  /** Tweets are created a minute apart from here, in id order, unless a test says otherwise. */
  static final Instant BASE = Instant.parse("2026-11-23T10:00:00Z");

  private final List<String> changes = new ArrayList<>(); // index i holds seq i + 1
  private String epoch = UUID.randomUUID().toString();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  final Queue<String> received = new ConcurrentLinkedQueue<>();
  private final int port;
  private HttpServer server;
  private volatile int failWith; // 0: answer normally

  StandInFeed() {
    server = start(0);
    port = server.getAddress().getPort();
  }

  private HttpServer start(int onPort) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), onPort), 0);
      http.setExecutor(executor);
      http.createContext("/internal/v1/changes", this::changes);
      http.start();
      return http;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Publishes a change; answers its seq. */
  synchronized long created(long id, String username, String text, String tag, Long tagId) {
    return publish("created", id, tweet(id, username, text, false, tag, tagId, createdOf(id)));
  }

  synchronized long createdPrivate(long id, String username, String text) {
    return publish("created", id, tweet(id, username, text, true, null, null, createdOf(id)));
  }

  synchronized long created(long id, String text, Instant created) {
    return publish("created", id, tweet(id, "karina", text, false, null, null, created));
  }

  synchronized long updated(
      long id, String username, String text, boolean isPrivate, String tag, Long tagId) {
    return publish("updated", id, tweet(id, username, text, isPrivate, tag, tagId, createdOf(id)));
  }

  synchronized long deleted(long id) {
    return publish("deleted", id, null);
  }

  synchronized long last() {
    return changes.size();
  }

  /** As after the tweets database was deleted: no changes, and a new epoch. */
  synchronized void newDatabase() {
    changes.clear();
    epoch = UUID.randomUUID().toString();
    notifyAll();
  }

  /** As after a restore from an older backup: the newest changes gone, the same epoch. */
  synchronized void restoreTo(long seq) {
    changes.subList((int) seq, changes.size()).clear();
    notifyAll();
  }

  static Instant createdOf(long id) {
    return BASE.plus(Duration.ofMinutes(id));
  }

  private long publish(String type, long id, String tweet) {
    long seq = changes.size() + 1;
    changes.add(
        "{\"seq\":"
            + seq
            + ",\"type\":\""
            + type
            + "\",\"tweetId\":"
            + id
            + ",\"tweet\":"
            + tweet
            + ",\"at\":\""
            + Instant.now()
            + "\"}");
    notifyAll(); // wake the long polls
    return seq;
  }

  static String tweet(
      long id,
      String username,
      String text,
      boolean isPrivate,
      String tag,
      Long tagId,
      Instant created) {
    return "{\"id\":"
        + id
        + ",\"username\":\""
        + username
        + "\",\"text\":\""
        + text.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"private\":"
        + isPrivate
        + ",\"tag\":"
        + (tag == null ? "null" : "\"" + tag + "\"")
        + ",\"created\":\""
        + created
        + "\",\"tagId\":"
        + tagId
        + "}";
  }

  /** Answer every request with this status (e.g. 503) until {@code failWith(0)}. */
  void failWith(int status) {
    failWith = status;
  }

  /** Stops listening: connections are refused until {@link #comeBack()}. */
  synchronized void goDown() {
    server.stop(0);
    notifyAll();
  }

  synchronized void comeBack() {
    server = start(port);
  }

  private void changes(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      received.add(query == null ? "" : query);
      if (!fromSearch(exchange.getRequestHeaders().getFirst("Authorization"))) {
        byte[] body = "{\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      if (failWith != 0) {
        byte[] body = "{\"title\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(failWith, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      Map<String, String> params = params(query);
      long after = Long.parseLong(params.getOrDefault("after", "0"));
      int limit = Math.min(1000, Integer.parseInt(params.getOrDefault("limit", "500")));
      Duration wait = duration(params.getOrDefault("wait", "0s"));
      byte[] body = page(after, limit, wait).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** A token signed with the secret, from search, for tweets, not expired: as tweets checks. */
  private static boolean fromSearch(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    try {
      SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
      JWTClaimsSet claims = token.getJWTClaimsSet();
      return token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))
          && claims.getAudience().equals(List.of("tweets"))
          && "search".equals(claims.getIssuer())
          && claims.getExpirationTime().toInstant().isAfter(Instant.now());
    } catch (ParseException | JOSEException e) {
      return false;
    }
  }

  private synchronized String page(long after, int limit, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      // As the real feed: a reader ahead of the head is answered at once.
      while (changes.size() == after) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int from = (int) Math.min(after, changes.size());
    int to = Math.min(changes.size(), from + limit);
    long last = to > from ? to : after;
    return "{\"epoch\":\""
        + epoch
        + "\",\"changes\":["
        + String.join(",", changes.subList(from, to))
        + "],\"last\":"
        + last
        + ",\"head\":"
        + changes.size()
        + "}";
  }

  private static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return params;
  }

  @Override
  public synchronized void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
