package io.flotilla.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/**
 * Real HTTP against the service under test, answering the status, the content type and the body
 * exactly as they came over the wire (no JSON mapping, no decompression).
 */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final int port;

  Http(int port) {
    this.port = port;
  }

  /** GET a path and query, already percent-encoded as it should appear in the request line. */
  Answer get(String target) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target)).build();
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

  /**
   * GET a request line that {@link URI} refuses to parse (a lone {@code %}, say), over a plain
   * socket; HTTP/1.0, so the body comes unchunked and ends when the server closes the connection.
   */
  Answer getRaw(String target) {
    try (var socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int headersEnd = response.indexOf("\r\n\r\n");
      String[] head = response.substring(0, headersEnd).split("\r\n");
      String contentType = null;
      for (String header : head) {
        if (header.regionMatches(true, 0, "Content-Type:", 0, 13)) {
          contentType = header.substring(13).strip();
        }
      }
      return new Answer(
          Integer.parseInt(head[0].split(" ")[1]), contentType, response.substring(headersEnd + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What came back. Records compare by value, so one assertion checks all three parts. */
  record Answer(int status, String contentType, String body) {

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }
  }
}
