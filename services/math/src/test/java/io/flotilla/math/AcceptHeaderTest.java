package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A client that accepts no JSON is told so (406), whether its input was good or bad: never 500. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AcceptHeaderTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @CsvSource({
    "/factorial?n=5, text/html",
    "/factorial?n=abc, text/html",
    "/factorial/abc/, text/html",
    "/fibonacci/-1, text/plain",
    "/ackermann/4/3/, text/html"
  })
  void clientThatAcceptsNoJsonGets406(String target, String accept) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .header("Accept", accept)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(406);
  }

  @ParameterizedTest
  @CsvSource({
    "/factorial?n=abc, 'text/html,application/xhtml+xml,*/*;q=0.8'",
    "/factorial/abc/, application/json"
  })
  void browserLikeAcceptStillGetsTheJsonError(String target, String accept) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .header("Accept", accept)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
  }
}
