package io.flotilla.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Real HTTP against the portal under test, answering the status, the content type and the body as
 * they came over the wire.
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
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
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

  /** How many hardware calls to a replica ended with an outcome, as Prometheus sees them. */
  double hardwareCalls(String replica, String outcome) {
    return scraped(
        "portal_hardware_calls_seconds_count",
        "replica=\"" + replica + "\"",
        "outcome=\"" + outcome + "\"");
  }

  record Answer(int status, String contentType, String body) {}
}
