package io.flotilla.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP to a server under test (HTTP/1.1, the JDK's client), answering status, headers and body
 * exactly as they came over the wire: no JSON mapping, so a test sees what a client sees.
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;
  private final String token;
  private final Duration timeout;

  /** A server at {@code base}, e.g. {@code http://localhost:8080}. */
  public Http(String base) {
    this(base, null, Duration.ofSeconds(30));
  }

  private Http(String base, String token, Duration timeout) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
  }

  /** The server on this port of this machine. */
  public static Http port(int port) {
    return new Http("http://localhost:" + port);
  }

  /** The same server, sending {@code Authorization: Bearer <token>} with every request. */
  public Http as(String bearerToken) {
    return new Http(base, bearerToken, timeout);
  }

  /** The same server, waiting this long for each answer (for long polls). */
  public Http timeout(Duration answerWithin) {
    return new Http(base, token, answerWithin);
  }

  /** A query parameter's value, percent-encoded (a space as %20). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The platform's problem body as the services write it, keys in its order. */
  public static String problem(int status, String title, String detail, String instance) {
    return "{\"detail\":\""
        + detail.replace("\"", "\\\"")
        + "\",\"instance\":\""
        + instance
        + "\",\"status\":"
        + status
        + ",\"title\":\""
        + title
        + "\"}";
  }

  /** The platform's 400 for one bad input: the detail and its one entry in {@code errors}. */
  public static String invalid(String instance, String field, String message) {
    String quoted = message.replace("\"", "\\\"");
    return "{\"detail\":\""
        + field
        + " "
        + quoted
        + ".\",\"instance\":\""
        + instance
        + "\",\"status\":400,\"title\":\"Bad Request\",\"errors\":[{\"field\":\""
        + field
        + "\",\"message\":\""
        + quoted
        + "\"}]}";
  }

  public Answer get(String target) {
    return send("GET", target, null);
  }

  public Answer post(String target, String json) {
    return send("POST", target, json);
  }

  public Answer put(String target, String json) {
    return send("PUT", target, json);
  }

  public Answer delete(String target) {
    return send("DELETE", target, null);
  }

  /** Any method; a non-null {@code json} is sent as an {@code application/json} body. */
  public Answer send(String method, String target, String json) {
    return send(method, target, json, null);
  }

  /** As {@link #send(String, String, String)}, with this {@code Accept} header unless null. */
  public Answer send(String method, String target, String json, String accept) {
    var request = HttpRequest.newBuilder(URI.create(base + target)).timeout(timeout);
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    try {
      var response = CLIENT.send(request.build(), BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back, the body as bytes (for byte-for-byte checks) and as UTF-8 text. */
  public record Answer(int status, HttpHeaders headers, byte[] bytes) {

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public String location() {
      return header("Location");
    }

    /** The id at the end of the {@code Location} of something created. */
    public long id() {
      String location = location();
      return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Override
    public String toString() {
      return status + " " + headers.map() + " " + body();
    }
  }
}
