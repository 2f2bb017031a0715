package io.flotilla.hardware;

import static io.flotilla.testsupport.Http.Answer.invalid;
import static io.flotilla.testsupport.Http.Answer.json;
import static io.flotilla.testsupport.Http.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Reading and writing rows over real HTTP on H2: exact statuses, headers and bodies. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RecordingProbe.Config.class)
class HardwareApiTest {

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port).as(ServiceToken.forHardware());
  }

  /** A provider no other test uses, so tests sharing the database do not collide. */
  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long create(String provider, String name) {
    Http.Answer created =
        http.post("/hardware/", "{\"provider\":\"" + provider + "\",\"name\":\"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    return Long.parseLong(created.location().substring("/hardware/".length()));
  }

  @Test
  void theSeedRowsComeFirstInIdOrderInTheSeedsShape() {
    String body = http.get("/hardware/").body();

    assertThat(body)
        .startsWith(
            "[{\"availability\":\"HIGH\",\"name\":\"c5\",\"provider\":\"Amazon\",\"id\":1},"
                + "{\"availability\":\"HIGH\",\"name\":\"H16mr\",\"provider\":\"Azure\",\"id\":2}");
  }

  @Test
  void aCreatedRowIsAnsweredWithItsLocationAndListedAfterTheOthers() {
    String provider = unique("Oracle");

    Http.Answer created =
        http.post("/hardware/", "{\"provider\":\"" + provider + "\",\"name\":\"BM.GPU4.8\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.contentType()).isEqualTo("application/json");
    assertThat(created.location()).matches("/hardware/\\d+");
    long id = Long.parseLong(created.location().substring("/hardware/".length()));
    assertThat(created.body())
        .isEqualTo("{\"name\":\"BM.GPU4.8\",\"provider\":\"" + provider + "\",\"id\":" + id + "}");
    assertThat(http.get("/hardware/" + id))
        .isEqualTo(
            json(
                200,
                "{\"availability\":\"HIGH\",\"name\":\"BM.GPU4.8\",\"provider\":\""
                    + provider
                    + "\",\"id\":"
                    + id
                    + "}"));
    assertThat(http.get("/hardware").body())
        .endsWith(
            "{\"availability\":\"HIGH\",\"name\":\"BM.GPU4.8\",\"provider\":\""
                + provider
                + "\",\"id\":"
                + id
                + "}]");
  }

  @Test
  void surroundingSpacesAreDropped() {
    String provider = unique("GCP");

    Http.Answer created =
        http.post("/hardware", "{\"provider\":\"  " + provider + " \",\"name\":\" a2 \"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).startsWith("{\"name\":\"a2\",\"provider\":\"" + provider + "\",");
  }

  @Test
  void aRowCanBeChangedAndDeleted() {
    long id = create(unique("IBM"), "bx2");
    String provider = unique("IBM");

    assertThat(
            http.put(
                "/hardware/" + id + "/", "{\"provider\":\"" + provider + "\",\"name\":\"cx2\"}"))
        .isEqualTo(
            json(200, "{\"name\":\"cx2\",\"provider\":\"" + provider + "\",\"id\":" + id + "}"));
    assertThat(http.get("/hardware/" + id + "/").body())
        .isEqualTo(
            "{\"availability\":\"HIGH\",\"name\":\"cx2\",\"provider\":\""
                + provider
                + "\",\"id\":"
                + id
                + "}");

    Http.Answer deleted = http.delete("/hardware/" + id);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(http.get("/hardware/" + id))
        .isEqualTo(problem(404, "Not Found", "No hardware with id " + id + ".", "/hardware/" + id));
    assertThat(http.get("/hardware/").body()).doesNotContain(provider);
  }

  @Test
  void anUnknownIdIsNotFoundForEveryMethod() {
    String body = "{\"provider\":\"Amazon\",\"name\":\"m5\"}";

    assertThat(http.get("/hardware/999999"))
        .isEqualTo(problem(404, "Not Found", "No hardware with id 999999.", "/hardware/999999"));
    assertThat(http.put("/hardware/999999", body))
        .isEqualTo(problem(404, "Not Found", "No hardware with id 999999.", "/hardware/999999"));
    assertThat(http.delete("/hardware/999999/"))
        .isEqualTo(problem(404, "Not Found", "No hardware with id 999999.", "/hardware/999999/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "99999999999999999999"})
  void anIdThatIsNotAnIntegerIsABadRequest(String id) {
    assertThat(http.get("/hardware/" + id))
        .isEqualTo(invalid("/hardware/" + id, "id", "must be an integer, got \"" + id + "\""));
    assertThat(http.delete("/hardware/" + id).status()).isEqualTo(400);
  }

  @Test
  void theSameProviderAndNameTwiceIsAConflict() {
    String provider = unique("Alibaba");
    create(provider, "ecs.g7");

    assertThat(http.post("/hardware/", "{\"provider\":\"" + provider + "\",\"name\":\"ecs.g7\"}"))
        .isEqualTo(
            problem(
                409,
                "Conflict",
                "Hardware with this provider and name already exists.",
                "/hardware/"));
    // Case matters: this is another row.
    create(provider, "ECS.G7");
  }

  @Test
  void changingARowIntoAnotherIsAConflict() {
    String provider = unique("Linode");
    create(provider, "g6");
    long id = create(provider, "g7");

    assertThat(http.put("/hardware/" + id, "{\"provider\":\"" + provider + "\",\"name\":\"g6\"}"))
        .isEqualTo(
            problem(
                409,
                "Conflict",
                "Hardware with this provider and name already exists.",
                "/hardware/" + id));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"c5\"}| provider",
        "{\"provider\":\"   \",\"name\":\"c5\"}| provider",
        "{\"provider\":\"Amazon\",\"name\":\"\"}| name"
      })
  void blankFieldsAreRejectedByName(String body, String field) {
    assertThat(http.post("/hardware/", body))
        .isEqualTo(invalid("/hardware/", field.strip(), "must not be blank"));
    assertThat(http.put("/hardware/1", body))
        .isEqualTo(invalid("/hardware/1", field.strip(), "must not be blank"));
  }

  @Test
  void everyBlankFieldIsListedInTheSeedsOrder() {
    assertThat(http.post("/hardware/", "{}").body())
        .isEqualTo(
            "{\"detail\":\"name must not be blank; provider must not be blank.\",\"instance\":"
                + "\"/hardware/\",\"status\":400,\"title\":\"Bad Request\",\"errors\":["
                + "{\"field\":\"name\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"provider\",\"message\":\"must not be blank\"}]}");
  }

  @Test
  void aWriteThatCannotBeAnsweredInTheAcceptedTypeWritesNothing() {
    String provider = unique("Xml");
    Http.Answer refused =
        http.send(
            "POST",
            "/hardware/",
            "{\"provider\":\"" + provider + "\",\"name\":\"x1\"}",
            "application/xml");

    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(http.get("/hardware/").body()).doesNotContain(provider);
  }

  @Test
  void fieldsLongerThanTheColumnsAreRejectedByName() {
    String hundred = "x".repeat(100);
    String longer = "x".repeat(101);

    assertThat(http.post("/hardware/", "{\"provider\":\"" + longer + "\",\"name\":\"c5\"}"))
        .isEqualTo(invalid("/hardware/", "provider", "must be at most 100 characters"));
    assertThat(
            http.post(
                "/hardware/",
                "{\"provider\":\"" + unique("p") + "\",\"name\":\"" + hundred + "\"}"))
        .extracting(Http.Answer::status)
        .isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\\u0000b", "line\\nbreak", "tab\\there"})
  void controlCharactersAreRefusedOnEveryDatabase(String escaped) {
    assertThat(http.post("/hardware/", "{\"provider\":\"" + escaped + "\",\"name\":\"c5\"}"))
        .isEqualTo(invalid("/hardware/", "provider", "must not contain control characters"));
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequest() {
    Http.Answer answer = http.post("/hardware/", "{\"provider\":");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }
}
