package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.platform.sample.SampleApplication;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that goes away in the middle of its request, or of the answer, is logged as one line
 * that says so: not as a 500, not with a stack trace.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ClientDisconnectTest {

  @LocalServerPort int port;

  @Test
  void aClientThatLeavesHalfWayThroughItsBodyIsOneLine(CapturedOutput output) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /count HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n[1,2,")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(output.getOut()).contains("POST /count client disconnected"));
    assertThat(output.getAll()).doesNotContain("Unhandled error", "\tat ");
  }

  @Test
  void aClientThatLeavesBeforeTheAnswerIsReadIsOneLine(CapturedOutput output) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setReceiveBufferSize(4096);
      socket
          .getOutputStream()
          .write(
              "GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.getInputStream().readNBytes(1024);
      socket.setSoLinger(true, 0); // a reset, as a killed client's kernel sends
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(output.getOut()).contains("GET /big client disconnected"));
    assertThat(output.getAll()).doesNotContain("Unhandled error", "\tat ");
  }
}
