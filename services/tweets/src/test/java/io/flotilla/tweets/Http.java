package io.flotilla.tweets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP to the service under test, answering status, headers and body as they came. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final int port;
  private final String token;

  Http(int port) {
    this(port, null);
  }

  private Http(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** The same server, sending this bearer token. */
  Http as(String bearerToken) {
    return new Http(port, bearerToken);
  }

  Answer get(String target) {
    return send("GET", target, null);
  }

  Answer post(String target, String json) {
    return send("POST", target, json);
  }

  Answer put(String target, String json) {
    return send("PUT", target, json);
  }

  Answer delete(String target) {
    return send("DELETE", target, null);
  }

  Answer send(String method, String target, String json) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
            .timeout(Duration.ofSeconds(60));
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
      var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Answer(int status, HttpHeaders headers, String body) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    String location() {
      return header("Location");
    }

    /** The id at the end of the Location of a created tweet. */
    long id() {
      String location = location();
      return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Override
    public String toString() {
      return status + " " + headers.map() + " " + body;
    }
  }

  /** The platform's problem body, keys in its order. */
  static String problem(int status, String title, String detail, String instance) {
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
}
