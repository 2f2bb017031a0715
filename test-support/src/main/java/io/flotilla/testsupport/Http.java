package io.flotilla.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
  private final Map<String, String> headers;
  private final Duration timeout;

  /** A server at {@code base}, e.g. {@code http://localhost:8080}. */
  public Http(String base) {
    this(base, Map.of(), Duration.ofSeconds(30));
  }

  private Http(String base, Map<String, String> headers, Duration timeout) {
    this.base = base;
    this.headers = headers;
    this.timeout = timeout;
  }

  /** The server on this port of this machine. */
  public static Http port(int port) {
    return new Http("http://localhost:" + port);
  }

  /** The same server, sending {@code Authorization: Bearer <token>} with every request. */
  public Http as(String bearerToken) {
    return header("Authorization", "Bearer " + bearerToken);
  }

  /** The same server, sending this header with every request (in place of one so named). */
  public Http header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Http(base, more, timeout);
  }

  /** The same server, waiting this long for each answer (for long polls). */
  public Http timeout(Duration answerWithin) {
    return new Http(base, headers, answerWithin);
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
    headers.forEach(request::setHeader);
    if (accept != null) {
      request.setHeader("Accept", accept);
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

  /**
   * A GET of a request target sent as it is, even one {@link URI} refuses (a lone {@code %}, say),
   * over a plain socket; HTTP/1.0, so the body comes unchunked and ends when the server closes the
   * connection.
   */
  public Answer raw(String target) {
    URI server = URI.create(base);
    try (var socket = new Socket(server.getHost(), server.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.0\r\nHost: " + server.getRawAuthority() + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] response = socket.getInputStream().readAllBytes();
      String text = new String(response, StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      List<String> head = text.substring(0, headEnd).lines().toList();
      Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String field : head.subList(1, head.size())) {
        int colon = field.indexOf(':');
        fields.put(field.substring(0, colon).strip(), List.of(field.substring(colon + 1).strip()));
      }
      return new Answer(
          Integer.parseInt(head.getFirst().split(" ")[1]),
          HttpHeaders.of(fields, (name, value) -> true),
          Arrays.copyOfRange(response, headEnd + 4, response.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sum of every sample of a Prometheus metric (from {@code /actuator/prometheus}) whose labels
   * include all the given ones, e.g. {@code scraped("http_server_requests_seconds_count",
   * "status=\"200\"")}.
   */
  public double scraped(String metric, String... labels) {
    Answer scrape = send("GET", "/actuator/prometheus", null, "text/plain");
    if (scrape.status() != 200) {
      throw new IllegalStateException("scrape answered " + scrape);
    }
    return scrape
        .body()
        .lines()
        .filter(line -> line.startsWith(metric + "{"))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * What came back, the body as bytes (for byte-for-byte checks) and as UTF-8 text. Two answers are
   * equal when their status, {@code Content-Type} and body are, so one assertion checks all three:
   * {@code assertThat(http.get("/ping")).isEqualTo(Answer.json(200, "{\"message\":\"pong\"}"))}.
   */
  public record Answer(int status, HttpHeaders headers, byte[] bytes) {

    /** An answer with this status, {@code Content-Type} (or none, when null) and body. */
    public static Answer of(int status, String contentType, String body) {
      Map<String, List<String>> fields =
          contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
      return new Answer(
          status,
          HttpHeaders.of(fields, (name, value) -> true),
          body.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer json(int status, String body) {
      return of(status, "application/json", body);
    }

    /** The platform's problem answer; see {@link Http#problem}. */
    public static Answer problem(int status, String title, String detail, String instance) {
      return of(status, "application/problem+json", Http.problem(status, title, detail, instance));
    }

    /** The platform's 400 for one bad input; see {@link Http#invalid}. */
    public static Answer invalid(String instance, String field, String message) {
      return of(400, "application/problem+json", Http.invalid(instance, field, message));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Answer that
          && status == that.status
          && Objects.equals(contentType(), that.contentType())
          && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * status + Objects.hashCode(contentType())) + Arrays.hashCode(bytes);
    }

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
