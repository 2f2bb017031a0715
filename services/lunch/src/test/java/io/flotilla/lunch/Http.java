package io.flotilla.lunch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Real HTTP against the lunch service under test, answering the status, the content type and the
 * body exactly as they came over the wire (no JSON mapping).
 */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final int port;

  Http(int port) {
    this.port = port;
  }

  /** GET a path, with headers given as name, value, name, value... */
  Answer get(String path, String... headers) {
    var request = HttpRequest.newBuilder(uri(path));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** PUT a JSON body. */
  Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  /** Turn every fault off, as a test that changed them must before the next one runs. */
  void noFaults() {
    Answer answer = put("/faults", "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}");
    if (answer.status() != 200) {
      throw new IllegalStateException("could not turn the faults off: " + answer);
    }
  }

  /** The sum of every sample of a Prometheus metric whose labels include all the given ones. */
  double scraped(String metric, String... labels) {
    Answer scrape = get("/actuator/prometheus", "Accept", "text/plain");
    if (scrape.status() != 200) {
      throw new IllegalStateException("scrape answered " + scrape.status());
    }
    return scrape
        .body()
        .lines()
        .filter(line -> line.startsWith(metric + "{"))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** {@code lunch.requests} with one outcome, as Prometheus sees it. */
  double requests(String outcome) {
    return scraped("lunch_requests_total", "outcome=\"" + outcome + "\"");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Answer send(HttpRequest request) {
    try {
      var response = CLIENT.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back. Records compare by value, so one assertion checks all three parts. */
  record Answer(int status, String contentType, String body) {

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }
  }
}
