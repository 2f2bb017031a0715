package io.flotilla.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client that sends half of a request's head and then nothing, as a stalled one does. */
public final class SlowClient {

  private SlowClient() {}

  /**
   * Sends {@code GET path} with its headers cut off half-way, then reads until the server closes
   * the connection.
   *
   * @return what the server sent before closing
   */
  public static byte[] sendHalfAHeadAndWait(int port, String path) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      // Far longer than any idle timeout under test: a server that never closes fails the read.
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: te")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return socket.getInputStream().readAllBytes(); // until the server closes the connection
    }
  }
}
