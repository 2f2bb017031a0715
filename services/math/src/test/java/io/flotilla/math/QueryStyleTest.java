package io.flotilla.math;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.Http.Answer;
import java.math.BigInteger;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seed 000's API over real HTTP: {@code /ping}, {@code /factorial?n=} and friends. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QueryStyleTest {

  static final String FACTORIAL_RANGE = "an integer from 0 to 100000";
  static final String FIBONACCI_RANGE = "an integer from 0 to 1000000";
  static final String ACKERMANN_RANGE =
      "a non-negative integer, with a result of at most 100000 digits";
  static final String UNDECODABLE = "query string is not valid percent-encoded UTF-8";

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  /** The success body, with the result as a bare JSON number. */
  static String success(String algo, Object result) {
    return "{\"algo\":\"" + algo + "\",\"result\":" + result + ",\"status\":\"success\"}";
  }

  /**
   * The failure body: the message under {@code result}, where clients of the original API read it,
   * and the same under {@code error}. The message is given as text and JSON-escaped here.
   */
  static String failed(String algo, String error) {
    String escaped = error.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"algo\":\""
        + algo
        + "\",\"result\":\""
        + escaped
        + "\",\"status\":\"failed\",\"error\":\""
        + escaped
        + "\"}";
  }

  private static String tooLarge(String m, String n) {
    return "result too large: ackermann("
        + m
        + ", "
        + n
        + ") has more than 100000 digits; m and n must be non-negative integers whose result has"
        + " at most 100000 digits";
  }

  // Answers

  @ParameterizedTest
  @ValueSource(strings = {"/", "/ping"})
  void pingAnswersPong(String path) {
    assertThat(http.get(path)).isEqualTo(json(200, "{\"message\":\"pong\"}"));
  }

  @Test
  void factorialOfFiveIs120() {
    assertThat(http.get("/factorial?n=5"))
        .isEqualTo(json(200, "{\"algo\":\"factorial\",\"result\":120,\"status\":\"success\"}"));
  }

  @Test
  void fibonacciOf100IsExact() {
    assertThat(http.get("/fibonacci?n=100"))
        .isEqualTo(
            json(
                200,
                "{\"algo\":\"fibonacci\",\"result\":354224848179261915075,\"status\":\"success\"}"));
  }

  @Test
  void ackermannOfTwoAndTwoIsSeven() {
    assertThat(http.get("/ackermann?m=2&n=2"))
        .isEqualTo(json(200, "{\"algo\":\"ackermann\",\"result\":7,\"status\":\"success\"}"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "/factorial?n=0, 1",
    "/factorial?n=20, 2432902008176640000",
    "/fibonacci?n=0, 0",
    "/fibonacci?n=1, 1",
    "/ackermann?m=3&n=4, 125",
    "/ackermann?m=4&n=1, 65533",
    "/ackermann?m=5&n=0, 65533"
  })
  void smallResultsAreExact(String target, String result) {
    String algo = target.substring(1, target.indexOf('?'));
    assertThat(http.get(target)).isEqualTo(json(200, success(algo, result)));
  }

  @Test
  void resultIsAJsonNumberEvenWith869Digits() {
    BigInteger factorial400 = BigInteger.ONE;
    for (int i = 2; i <= 400; i++) {
      factorial400 = factorial400.multiply(BigInteger.valueOf(i));
    }
    Answer answer = http.get("/factorial?n=400");

    assertThat(answer).isEqualTo(json(200, success("factorial", factorial400)));
    JsonNode result = JsonMapper.shared().readTree(answer.body()).get("result");
    assertThat(result.isIntegralNumber()).as("result is a JSON integer").isTrue();
    assertThat(result.bigIntegerValue()).isEqualTo(factorial400);
  }

  @Test
  void ackermannOfHugeNIsExactForSmallM() {
    assertThat(http.get("/ackermann?m=0&n=99999999999999999999999"))
        .isEqualTo(json(200, success("ackermann", "100000000000000000000000")));
    assertThat(http.get("/ackermann?m=0&n=" + "9".repeat(5_000)))
        .isEqualTo(json(200, success("ackermann", "1" + "0".repeat(5_000))));
  }

  // Lenient parsing, as Python's int() was

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "/factorial?n=%205%20, 120",
    "/factorial?n=%095%0A, 120",
    "/factorial?n=%2B5, 120",
    "/factorial?n=+5, 120",
    "/factorial?n=007, 5040",
    "/factorial?n=-0, 1",
    "/fibonacci?n=-0, 0",
    "/fibonacci?n=%2B10, 55",
    "/ackermann?m=%2B2&n=%202%20, 7",
    "/ackermann?m=-0&n=-0, 1"
  })
  void signsSurroundingSpaceAndLeadingZerosAreAccepted(String target, String result) {
    String algo = target.substring(1, target.indexOf('?'));
    assertThat(http.get(target)).isEqualTo(json(200, success(algo, result)));
  }

  @Test
  void aSecondRequestIsAnsweredFromTheCacheWithTheSameBody() {
    Answer first = http.get("/fibonacci?n=4322");
    Answer second = http.get("/fibonacci?n=4322");
    Answer spelledDifferently = http.get("/fibonacci?n=%2B04322");

    assertThat(first).isEqualTo(json(200, success("fibonacci", Algorithms.fibonacci(4322))));
    assertThat(second).isEqualTo(first);
    assertThat(spelledDifferently).isEqualTo(first);
  }

  // Refusals

  static Stream<Arguments> badInputs() {
    return Stream.of(
        arguments("/factorial", "factorial", "n is required: " + FACTORIAL_RANGE),
        arguments("/factorial?m=5", "factorial", "n is required: " + FACTORIAL_RANGE),
        arguments(
            "/factorial?n=abc", "factorial", "n must be " + FACTORIAL_RANGE + ", got \"abc\""),
        arguments(
            "/factorial?n=-1",
            "factorial",
            "n must not be negative: " + FACTORIAL_RANGE + ", got -1"),
        arguments("/factorial?n=100001", "factorial", "n must be at most 100000, got 100001"),
        arguments("/factorial?n=", "factorial", "n must be " + FACTORIAL_RANGE + ", got \"\""),
        arguments(
            "/factorial?n=3.5", "factorial", "n must be " + FACTORIAL_RANGE + ", got \"3.5\""),
        arguments("/fibonacci", "fibonacci", "n is required: " + FIBONACCI_RANGE),
        arguments(
            "/fibonacci?n=abc", "fibonacci", "n must be " + FIBONACCI_RANGE + ", got \"abc\""),
        arguments(
            "/fibonacci?n=-10",
            "fibonacci",
            "n must not be negative: " + FIBONACCI_RANGE + ", got -10"),
        arguments("/fibonacci?n=1000001", "fibonacci", "n must be at most 1000000, got 1000001"),
        arguments("/fibonacci?n=", "fibonacci", "n must be " + FIBONACCI_RANGE + ", got \"\""),
        arguments(
            "/fibonacci?n=3.5", "fibonacci", "n must be " + FIBONACCI_RANGE + ", got \"3.5\""),
        arguments("/ackermann", "ackermann", "m is required: " + ACKERMANN_RANGE),
        arguments("/ackermann?n=1", "ackermann", "m is required: " + ACKERMANN_RANGE),
        arguments("/ackermann?m=0", "ackermann", "n is required: " + ACKERMANN_RANGE),
        arguments(
            "/ackermann?m=ack&n=1", "ackermann", "m must be " + ACKERMANN_RANGE + ", got \"ack\""),
        arguments(
            "/ackermann?m=1&n=ack", "ackermann", "n must be " + ACKERMANN_RANGE + ", got \"ack\""),
        arguments(
            "/ackermann?m=-1&n=0",
            "ackermann",
            "m must not be negative: " + ACKERMANN_RANGE + ", got -1"),
        arguments(
            "/ackermann?m=0&n=-1",
            "ackermann",
            "n must not be negative: " + ACKERMANN_RANGE + ", got -1"),
        arguments("/ackermann?m=&n=1", "ackermann", "m must be " + ACKERMANN_RANGE + ", got \"\""),
        arguments(
            "/ackermann?m=1&n=3.5", "ackermann", "n must be " + ACKERMANN_RANGE + ", got \"3.5\""),
        arguments("/ackermann?m=4&n=3", "ackermann", tooLarge("4", "3")),
        arguments("/ackermann?m=5&n=1", "ackermann", tooLarge("5", "1")),
        arguments("/ackermann?m=6&n=0", "ackermann", tooLarge("6", "0")),
        arguments("/ackermann?m=%204&n=3%20", "ackermann", tooLarge("4", "3")),
        // 2^332193 - 3 fits the bit budget but has 100,001 digits.
        arguments("/ackermann?m=3&n=332190", "ackermann", tooLarge("3", "332190")));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("badInputs")
  void badInputIsRejectedWithWhatIsAllowed(String target, String algo, String error) {
    assertThat(http.get(target)).isEqualTo(json(400, failed(algo, error)));
  }

  @Test
  void aNonIntegerIsQuotedInTheMessage() {
    assertThat(http.get("/factorial?n=abc"))
        .isEqualTo(
            json(
                400,
                """
                {"algo":"factorial","result":"n must be an integer from 0 to 100000, got \\"abc\\"",\
                "status":"failed","error":"n must be an integer from 0 to 100000, got \\"abc\\""}\
                """));
  }

  @Test
  void aHugeNumberIsAboveTheLimitNotAnError() {
    assertThat(http.get("/factorial?n=99999999999999999999999"))
        .isEqualTo(
            json(
                400, failed("factorial", "n must be at most 100000, got 99999999999999999999999")));
  }

  @Test
  void longValuesAreEchoedShortened() {
    String nines = "9".repeat(5_000);
    assertThat(http.get("/factorial?n=" + nines))
        .isEqualTo(
            json(
                400,
                failed("factorial", "n must be at most 100000, got " + "9".repeat(40) + "...")));
    assertThat(http.get("/fibonacci?n=-" + nines))
        .isEqualTo(
            json(
                400,
                failed(
                    "fibonacci",
                    "n must not be negative: "
                        + FIBONACCI_RANGE
                        + ", got -"
                        + "9".repeat(39)
                        + "...")));
    assertThat(http.get("/factorial?n=" + "x".repeat(5_000)))
        .isEqualTo(
            json(
                400,
                failed(
                    "factorial",
                    "n must be " + FACTORIAL_RANGE + ", got \"" + "x".repeat(40) + "...\"")));
    assertThat(http.get("/ackermann?m=3&n=" + nines))
        .isEqualTo(json(400, failed("ackermann", tooLarge("3", "9".repeat(40) + "..."))));
  }

  @Test
  void aShortenedEchoNeverSplitsACharacter() {
    // 39 letters and an emoji (two UTF-16 units): cutting at 40 units would leave half of it.
    assertThat(http.get("/factorial?n=" + "a".repeat(39) + "%F0%9F%98%80b"))
        .isEqualTo(
            json(
                400,
                failed(
                    "factorial",
                    "n must be " + FACTORIAL_RANGE + ", got \"" + "a".repeat(39) + "...\"")));
  }

  @Test
  void controlAndNonAsciiCharactersAreEchoedAsJson() {
    assertThat(http.get("/factorial?n=%00"))
        .isEqualTo(
            json(
                400,
                """
                {"algo":"factorial","result":"n must be an integer from 0 to 100000, got \\"\\u0000\\"",\
                "status":"failed","error":"n must be an integer from 0 to 100000, got \\"\\u0000\\""}\
                """));
    assertThat(http.get("/fibonacci?n=%D9%A5"))
        .isEqualTo(json(400, failed("fibonacci", "n must be " + FIBONACCI_RANGE + ", got \"٥\"")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/factorial?n=%", "/factorial?n=%FF", "/factorial?n=5&x=%ZZ", "/factorial?x=%E0"})
  void anUndecodableQueryStringIsRejected(String target) {
    assertThat(http.raw(target)).isEqualTo(json(400, failed("factorial", UNDECODABLE)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"/factorial?n=<5>, <5>", "/factorial?n=5%20|%206, 5 | 6"})
  void charactersAUriMustEscapeAreNotAnInteger(String target, String value) {
    assertThat(http.raw(target))
        .isEqualTo(
            json(
                400,
                failed("factorial", "n must be " + FACTORIAL_RANGE + ", got \"" + value + "\"")));
  }

  static Stream<Arguments> strangeInputs() {
    var values =
        Stream.of(
            "%00",
            "%07",
            "%20",
            "%D9%A5", // Arabic-Indic digit five: Python's int() took it, we do not
            "%EF%BC%95", // fullwidth 5
            "%F0%9D%9F%93", // mathematical bold 5, outside the BMP
            "%E2%88%9E",
            "%F0%9F%98%80",
            "1_0",
            "0x10",
            "1e3",
            "NaN",
            "Infinity",
            "--5",
            "%2B-5",
            "5-",
            "1,2",
            "%",
            "%ZZ",
            "%FF",
            "%C0%80", // overlong UTF-8
            "%ED%A0%80", // an encoded lone surrogate
            "%25",
            "x".repeat(5_000),
            "-" + "9".repeat(5_000),
            "1".repeat(5_000) + "x");
    return values.flatMap(value ->
        Stream.of(
            arguments("factorial", "/factorial?n=" + value),
            arguments("fibonacci", "/fibonacci?n=" + value),
            arguments("ackermann", "/ackermann?m=" + value + "&n=1"),
            arguments("ackermann", "/ackermann?m=1&n=" + value)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("strangeInputs")
  void noInputIsAServerError(String algo, String target) {
    Answer answer = http.raw(target);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/json");
    assertThat(answer.body()).startsWith("{\"algo\":\"" + algo + "\",\"result\":\"");
    assertThat(answer.body()).contains("\"status\":\"failed\",\"error\":\"");
  }
}
