package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A result never changes, so every client and the gateway may keep it for a day; an error or a ping
 * is never kept.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResultCachingTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;

  HttpResponse<String> get(String target) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + target)).build(),
        BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/factorial?n=20",
        "/fibonacci?n=30",
        "/ackermann?m=2&n=3",
        "/factorial/20/",
        "/fibonacci/30",
        "/ackermann/2/3/"
      })
  void resultsMayBeKeptByAnyCacheForADay(String target) throws Exception {
    var answer = get(target);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/factorial?n=-1", "/factorial/x/", "/factorial", "/ping", "/nowhere"})
  void errorsAndPingsAreNotKept(String target) throws Exception {
    assertThat(get(target).headers().firstValue("Cache-Control")).isEmpty();
  }
}
