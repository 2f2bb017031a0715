package io.flotilla.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a running Flotilla for JSON: {@code GET} or {@code POST base + path}, read as a record.
 * Anything but the expected JSON becomes a {@link ServerProblem} whose message is one line for the
 * terminal.
 */
final class FlotillaClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  // Bodies carry more than the commands read: newer servers may add more.
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final String base;
  private final Duration timeout;
  private final String bearerToken;
  private final HttpClient http;

  /**
   * @param base where Flotilla answers, without a trailing slash
   * @param timeout how long to wait for each answer
   */
  FlotillaClient(String base, Duration timeout) {
    this(base, timeout, null);
  }

  /**
   * @param bearerToken sent as {@code Authorization: Bearer} with each request; null: none
   */
  FlotillaClient(String base, Duration timeout, String bearerToken) {
    this.base = base;
    this.timeout = timeout;
    this.bearerToken = bearerToken;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  String base() {
    return base;
  }

  /** The body at {@code base + path}, read as the given type; never null. */
  <T> T get(String path, Class<T> type) {
    return exchange(path, HttpRequest.newBuilder().GET(), type);
  }

  /** The answer to {@code body} as JSON, posted to {@code base + path}, read as the given type. */
  <T> T post(String path, Object body, Class<T> type) {
    return exchange(
        path,
        HttpRequest.newBuilder()
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
        type);
  }

  private <T> T exchange(String path, HttpRequest.Builder request, Class<T> type) {
    HttpResponse<String> response = send(path, request);
    String url = base + path;
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new ServerProblem(url + " answered " + status + detail(response.body()), status);
    }
    return read(url, response, type);
  }

  private HttpResponse<String> send(String path, HttpRequest.Builder request) {
    String url = base + path;
    try {
      request.uri(URI.create(url)).timeout(timeout).header("Accept", "application/json");
      if (bearerToken != null) {
        request.header("Authorization", "Bearer " + bearerToken);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw new ServerProblem(url + " did not answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw unreachable(reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerProblem("interrupted while waiting for " + url);
    }
  }

  private static <T> T read(String url, HttpResponse<String> response, Class<T> type) {
    int status = response.statusCode();
    try {
      T body = JSON.readValue(response.body(), type);
      if (body == null) {
        throw new ServerProblem(url + " answered " + status + " with an empty body");
      }
      return body;
    } catch (JacksonException notTheJsonExpected) {
      String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
      throw new ServerProblem(
          url + " answered " + status + " with " + contentType + ", not the JSON expected");
    }
  }

  private ServerProblem unreachable(String reason) {
    return new ServerProblem(
        "cannot reach "
            + base
            + " ("
            + reason
            + ") — is Flotilla running? Start it with ./flotilla up");
  }

  /** Why a connection failed, in a few words. */
  private static String reason(IOException e) {
    // The JDK's client mostly leaves messages out, so the innermost cause's type tells.
    Throwable innermost = e;
    String message = e.getMessage();
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
      message = message != null ? message : innermost.getMessage();
    }
    if (innermost instanceof UnresolvedAddressException) {
      return "unknown host";
    }
    if (message != null) {
      return message.toLowerCase(Locale.ROOT);
    }
    return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
  }

  /**
   * ": " and what an error body says about itself: Flotilla answers errors as problem+json, whose
   * {@code detail} is the useful part. Empty for any other body.
   */
  private static String detail(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      for (String field : List.of("detail", "title")) {
        JsonNode text = problem.get(field);
        if (text != null && text.isString() && !text.asString().isBlank()) {
          // One line, whatever the server wrote.
          return ": " + text.asString().strip().replaceAll("\\s+", " ");
        }
      }
    } catch (JacksonException notJson) {
      // Said by the status alone.
    }
    return "";
  }

  /** Flotilla could not be asked, or answered something the command cannot use. */
  static final class ServerProblem extends RuntimeException {

    private final int status;

    ServerProblem(String message) {
      this(message, 0);
    }

    ServerProblem(String message, int status) {
      super(message);
      this.status = status;
    }

    /** The error status Flotilla answered, or 0 when it gave no error answer. */
    int status() {
      return status;
    }
  }
}
