package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every error a servlet service does not shape itself is answered as RFC 9457 problem details. */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=sample")
@AutoConfigureRestTestClient
class ServletProblemDetailsTest {

  @Autowired RestTestClient client;

  @LocalServerPort int port;

  @Test
  void requestTomcatRefusesItselfIsAnsweredInJsonNotHtml() throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              "GET /hello/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/problem+json")
          .contains("\"status\":400")
          .doesNotContain("<html", "Apache Tomcat/", "Exception");
    }
  }

  @Test
  void undecodableQueryStringIsA400Problem() throws IOException {
    // Over a raw socket: java.net.URI itself refuses to send "%ZZ".
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              "GET /actuator/prometheus?x=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/problem+json")
          .contains("\"detail\":\"The query string is not valid percent-encoded UTF-8.\"");
    }
  }

  @Test
  void aBrowserGetsProblemJsonTooNotAnHtmlPage() throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /hello/../x HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 404")
          .contains("Content-Type: application/problem+json")
          .contains("\"status\":404")
          .doesNotContain("<html", "Whitelabel");
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      var out = socket.getOutputStream();
      out.write(
          ("POST /count HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String chunk = "[" + "1,".repeat(40_000) + "1]";
      out.write(
          (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 413")
          .contains("Content-Type: application/problem+json")
          .contains("\"detail\":\"The request body must be at most 65536 bytes.\"");
    }
  }

  @Test
  void unknownPathIsA404Problem() {
    client
        .get()
        .uri("/no/such/path")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.title")
        .isEqualTo("Not Found")
        // Not Spring's "No static resource no/such/path.": a client has no use for how it looked.
        .jsonPath("$.detail")
        .isEqualTo("Nothing is served at /no/such/path.");
  }

  @Test
  void wrongMethodIsA405ProblemThatSaysWhatIsAllowed() {
    client
        .delete()
        .uri("/hello")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals("Allow", "GET")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(405);
  }

  @Test
  void unexpectedExceptionIsA500ProblemNamingTheRequestIdAndNothingElse() {
    byte[] body =
        client
            .get()
            .uri("/boom")
            .header("X-Request-Id", "boom-42")
            .exchange()
            .expectStatus()
            .isEqualTo(500)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Request-Id", "boom-42")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(500)
            .jsonPath("$.detail")
            .isEqualTo(
                "The server could not answer this request; it is logged under request id"
                    + " boom-42.")
            .returnResult()
            .getResponseBody();

    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain(SampleApplication.SECRET)
        .doesNotContain("hunter2")
        .doesNotContain("Exception")
        .doesNotContain("io.flotilla")
        .doesNotContainPattern("\\bat [a-z]+\\.");
  }
}
