package io.flotilla.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP to a server under test, answering status, headers and body as they came. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;

  Http(String base) {
    this.base = base;
  }

  /** A query parameter's value, percent-encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Http port(int port) {
    return new Http("http://localhost:" + port);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)));
  }

  private static Answer send(HttpRequest.Builder request) {
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

  record Answer(int status, HttpHeaders headers, byte[] bytes) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return status + " " + headers.map() + " " + body();
    }
  }
}
