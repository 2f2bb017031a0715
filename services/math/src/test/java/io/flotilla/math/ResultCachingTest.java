package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A result never changes, so every client and the gateway's edge cache may keep it for a day; an
 * error or a ping is never kept. The service itself keeps results, not answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResultCachingTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;

  HttpResponse<String> get(String target, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void theServiceKeepsNoHttpCacheOfItsOwn() throws Exception {
    get("/fibonacci/77/");

    var second = get("/fibonacci/77/");

    assertThat(second.body()).isEqualTo("{\"response\":\"5527939700884757\"}");
    assertThat(second.headers().firstValue("Age")).isEmpty();
    assertThat(second.headers().firstValue("X-Cache")).isEmpty();
    assertThat(second.headers().firstValue("Cache-Status")).isEmpty();
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
