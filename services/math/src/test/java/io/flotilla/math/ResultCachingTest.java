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
 * A result never changes, so every client and the gateway may keep it for a day; an error or a ping
 * is never kept.
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
  void aRepeatedRequestIsAnsweredInFrontOfTheServiceWithTheSameBody() throws Exception {
    var first = get("/fibonacci/77/");
    var second = get("/fibonacci/77/", "X-Request-Id", "again-1");

    assertThat(first.headers().firstValue("Cache-Status")).hasValue("flotilla-math; fwd=miss");
    assertThat(second.body())
        .isEqualTo(first.body())
        .isEqualTo("{\"response\":\"5527939700884757\"}");
    assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(second.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(second.headers().firstValue("Age"))
        .hasValueSatisfying(age -> assertThat(age).isIn("0", "1"));
    assertThat(second.headers().firstValue("Cache-Status").orElseThrow())
        .startsWith("flotilla-math; hit; ttl=");
    assertThat(second.headers().firstValue("X-Request-Id")).hasValue("again-1");
  }

  @Test
  void aClientThatAcceptsNoJsonIsStillRefusedOnceTheResultIsKept() throws Exception {
    get("/fibonacci/78/");
    get("/fibonacci/78/", "Accept", "application/json");

    assertThat(get("/fibonacci/78/", "Accept", "text/html").statusCode()).isEqualTo(406);
    assertThat(get("/fibonacci/78/", "Accept", "application/json").headers().firstValue("X-Cache"))
        .hasValue("HIT");
  }

  @Test
  void aClientAskingForAFreshAnswerGetsOneFromTheService() throws Exception {
    get("/fibonacci/79/");

    var fresh = get("/fibonacci/79/", "Cache-Control", "no-cache");

    assertThat(fresh.headers().firstValue("X-Cache")).isEmpty();
    assertThat(fresh.headers().firstValue("Cache-Status")).hasValue("flotilla-math; fwd=bypass");
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
