package io.flotilla.hardware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/**
 * Real HTTP against the service under test, answering the status, the content type, the Location
 * header and the body exactly as they came over the wire.
 */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final int port;

  Http(int port) {
    this.port = port;
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
    return send(method, target, json, null);
  }

  Answer send(String method, String target, String json, String accept) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target));
    if (accept != null) {
      request.header("Accept", accept);
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
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Location").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back. Records compare by value, so one assertion checks every part. */
  record Answer(int status, String contentType, String location, String body) {

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", null, body);
    }

    /** The platform's 400 for one bad input, with its entry in {@code errors}. */
    static Answer invalid(String instance, String field, String message) {
      return new Answer(
          400,
          "application/problem+json",
          null,
          io.flotilla.testsupport.Http.invalid(instance, field, message));
    }

    static Answer problem(int status, String title, String detail, String instance) {
      return new Answer(
          status,
          "application/problem+json",
          null,
          "{\"detail\":\""
              + detail
              + "\",\"instance\":\""
              + instance
              + "\",\"status\":"
              + status
              + ",\"title\":\""
              + title
              + "\"}");
    }
  }
}
