package io.flotilla.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.ScratchDatabase;
import io.flotilla.testsupport.TestServer;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The migrations and the API on a real database server, through the service's own profile for it.
 * Each run creates a database of its own on the server and drops it afterwards, so runs in parallel
 * (or a failed run) do not collide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerDatabaseTest {

  private final TestServer server;
  private ScratchDatabase database;
  private RunningApp app;
  private Http http;

  ServerDatabaseTest(TestServer server) {
    this.server = server;
  }

  @BeforeAll
  void start() throws SQLException {
    database = server.scratchDatabase("hw_test_");
    app =
        new RunningApp(
            "--spring.profiles.active=" + server.profile(),
            "--HARDWARE_DB_URL=" + database.url(),
            "--HARDWARE_DB_USER=" + database.user(),
            "--HARDWARE_DB_PASSWORD=");
    http = app.http();
  }

  @AfterAll
  void stop() throws SQLException {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theSeedRowsArePresentInIdOrder() {
    assertThat(http.get("/hardware/").body())
        .matches(
            "\\[\\{\"availability\":\"(HIGH|MEDIUM|LOW)\",\"name\":\"c5\",\"provider\":\"Amazon\",\"id\":1},"
                + "\\{\"availability\":\"(HIGH|MEDIUM|LOW)\",\"name\":\"H16mr\",\"provider\":\"Azure\",\"id\":2}.*");
  }

  @Test
  void rowsAreCreatedChangedAndDeleted() {
    Http.Answer created = http.post("/hardware/", "{\"provider\":\"Vultr\",\"name\":\"vc2\"}");
    assertThat(created.status()).isEqualTo(201);
    String location = created.location();
    long id = Long.parseLong(location.substring("/hardware/".length()));
    assertThat(id).isGreaterThan(2);

    assertThat(http.get(location).body())
        .matches(
            "\\{\"availability\":\"(HIGH|MEDIUM|LOW)\",\"name\":\"vc2\",\"provider\":\"Vultr\",\"id\":"
                + id
                + "}");
    // The same values again still finds the row (MariaDB counts it as no row changed).
    assertThat(http.put(location, "{\"provider\":\"Vultr\",\"name\":\"vc2\"}").status())
        .isEqualTo(200);
    assertThat(http.put(location, "{\"provider\":\"Vultr\",\"name\":\"vhf\"}").body())
        .isEqualTo("{\"name\":\"vhf\",\"provider\":\"Vultr\",\"id\":" + id + "}");
    assertThat(http.get(location).body()).contains("\"name\":\"vhf\"");
    assertThat(http.delete(location).status()).isEqualTo(204);
    assertThat(http.get(location).status()).isEqualTo(404);
  }

  @Test
  void aDuplicateIsAConflictAndCaseMakesAnotherRow() {
    assertThat(http.post("/hardware/", "{\"provider\":\"Azure\",\"name\":\"H16mr\"}"))
        .extracting(Http.Answer::status, Http.Answer::contentType)
        .containsExactly(409, "application/problem+json");
    assertThat(http.post("/hardware/", "{\"provider\":\"azure\",\"name\":\"h16mr\"}").status())
        .isEqualTo(201);
  }

  @Test
  void valuesAsLongAsTheColumnsFit() {
    String hundred = "é".repeat(100);

    Http.Answer created =
        http.post("/hardware/", "{\"provider\":\"" + hundred + "\",\"name\":\"" + hundred + "\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(http.get(created.location()).body()).contains("\"name\":\"" + hundred + "\"");
  }
}
