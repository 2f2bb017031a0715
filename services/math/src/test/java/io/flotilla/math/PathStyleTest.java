package io.flotilla.math;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.flotilla.testsupport.Http;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Seed 001's API over real HTTP: {@code /fibonacci/10/} and friends, results as strings. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PathStyleTest {

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  private static String response(Object result) {
    return "{\"response\":\"" + result + "\"}";
  }

  private static String invalid(String value) {
    return "{\"error\":\"invalid number: " + value + "\"}";
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "/fibonacci/10/, 55",
    "/fibonacci/10, 55",
    "/fibonacci/0/, 0",
    "/fibonacci/100/, 354224848179261915075",
    "/factorial/7/, 5040",
    "/factorial/7, 5040",
    "/factorial/0/, 1",
    "/ackermann/3/4/, 125",
    "/ackermann/3/4, 125",
    "/ackermann/0/0/, 1",
    "/ackermann/2/1/, 5",
    "/ackermann/4/1/, 65533",
    // The seed's int type was \d+; a sign, spaces and leading zeros are accepted here too.
    "/fibonacci/-0/, 0",
    "/fibonacci/+10/, 55",
    "/fibonacci/%2010%20/, 55",
    "/fibonacci/010/, 55"
  })
  void resultIsADecimalString(String target, String result) {
    assertThat(http.get(target)).isEqualTo(json(200, response(result)));
  }

  @Test
  void fibonacciOf399MatchesTheSeedFixture() {
    assertThat(http.get("/fibonacci/399/"))
        .isEqualTo(
            json(
                200,
                response(
                    "108788617463475645289761992289049744844995705477812699099751202749393926359816304226")));
  }

  @Test
  void factorialOf400HasAll869Digits() {
    assertThat(http.get("/factorial/400/"))
        .isEqualTo(json(200, response(Algorithms.factorial(400))));
    assertThat(Algorithms.factorial(400).toString()).hasSize(869);
  }

  @Test
  void theQueryStringIsIgnored() {
    assertThat(http.get("/fibonacci/10/?n=abc")).isEqualTo(json(200, response(55)));
  }

  static Stream<Arguments> invalidNumbers() {
    String nines = "9".repeat(5_000);
    return Stream.of(
        arguments("/fibonacci/-1/", "-1"),
        arguments("/fibonacci/-1", "-1"),
        arguments("/fibonacci/1000001/", "1000001"),
        arguments("/fibonacci/99999999999999999999999/", "99999999999999999999999"),
        arguments("/fibonacci/" + nines + "/", "9".repeat(40) + "..."),
        arguments("/factorial/abc/", "abc"),
        arguments("/factorial/3.5/", "3.5"),
        arguments("/factorial/100001/", "100001"),
        arguments("/factorial/%D9%A5/", "٥"),
        arguments("/factorial/%25/", "%"),
        arguments("/ackermann/4/3/", "3"),
        arguments("/ackermann/5/1/", "1"),
        arguments("/ackermann/7/0/", "7"),
        arguments("/ackermann/6/0", "6"),
        arguments("/ackermann/-1/0/", "-1"),
        arguments("/ackermann/0/-1/", "-1"),
        arguments("/ackermann/x/1/", "x"),
        arguments("/ackermann/1/x/", "x"),
        arguments("/ackermann/3/" + nines + "/", "9".repeat(40) + "..."));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("invalidNumbers")
  void invalidNumberIsABadRequestNamingTheValue(String target, String value) {
    assertThat(http.get(target)).isEqualTo(json(400, invalid(value)));
  }

  @Test
  void aCharacterAUriMustEscapeIsAnInvalidNumberToo() {
    assertThat(http.raw("/factorial/<5>/")).isEqualTo(json(400, invalid("<5>")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/fibonacci/%FF/",
        "/fibonacci/%/",
        "/factorial/%E0%80/",
        "/ackermann/%C0%80/1/",
        "/ackermann/1/%ZZ",
        "/fibonacci/%00/",
        "/factorial/%2F/"
      })
  void aPathTomcatCannotDecodeIsAProblemBeforeTheApi(String target) {
    // Broken escapes, bytes that are not UTF-8, NUL and encoded slashes never reach the API.
    Http.Answer answer = http.raw(target);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("\"detail\":\"The request target is not a valid URI: ");
  }

  @Test
  void anUndecodableQueryIsIgnoredLikeAnyQuery() {
    assertThat(http.raw("/factorial/5/?x=%")).isEqualTo(json(200, response(120)));
  }

  @Test
  void aTargetOutsideTheApiThatIsNoUriIsAProblem() {
    Http.Answer answer = http.raw("/nowhere/%ZZ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("\"detail\":\"The request target is not a valid URI: ");
  }
}
