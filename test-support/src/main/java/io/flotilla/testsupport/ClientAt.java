package io.flotilla.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 client whose connections leave from a chosen local address, so that one machine can
 * be many clients (loopback answers on all of 127.0.0.0/8). The JDK's client cannot bind a local
 * address; this one writes the request on a plain socket, one connection per request.
 */
public final class ClientAt {

  private final String localAddress;
  private final int port;

  private ClientAt(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  /** Requests to {@code 127.0.0.1:port} from {@code localAddress}, e.g. {@code 127.0.0.2}. */
  public static ClientAt address(String localAddress, int port) {
    return new ClientAt(localAddress, port);
  }

  public Http.Answer post(String target, String json) {
    return send("POST", target, json, Map.of());
  }

  /** Any method, with these extra headers; a non-null {@code json} is sent as the body. */
  public Http.Answer send(String method, String target, String json, Map<String, String> headers) {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: localhost:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    if (json != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    var request = new ByteArrayOutputStream();
    request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    request.writeBytes(body);
    return exchange(request.toByteArray());
  }

  /**
   * Sends these bytes as they are, however malformed a request they make, and reads the answer
   * until the server closes the connection. They are written beside the reading: a server that
   * answers before it has read a large body (a 413) is heard, not blocked on.
   */
  public Http.Answer exchange(byte[] request) {
    try (var socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(30_000);
      Thread writer =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  socket.getOutputStream().write(request);
                  socket.getOutputStream().flush();
                } catch (IOException answeredEarly) {
                  // The server answered and closed before it read all; the answer tells.
                }
              });
      byte[] response = socket.getInputStream().readAllBytes();
      writer.join();
      return answer(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Http.Answer answer(byte[] response) {
    int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IllegalStateException("no complete HTTP answer: " + new String(response));
    }
    String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      fields
          .computeIfAbsent(lines[i].substring(0, colon), name -> new java.util.ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
    if (fields.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
      body = unchunked(body);
    }
    var headers = HttpHeaders.of(new LinkedHashMap<>(fields), (name, value) -> true);
    return new Http.Answer(status, headers, body);
  }

  private static byte[] unchunked(byte[] chunked) {
    var body = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (length == 0) {
        return body.toByteArray();
      }
      body.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
  }

  private static int indexOf(byte[] bytes, byte[] part, int from) {
    outer:
    for (int i = from; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
