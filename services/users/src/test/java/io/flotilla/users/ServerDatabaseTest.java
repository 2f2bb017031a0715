package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.ScratchDatabase;
import io.flotilla.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private Path keyDir;
  private RunningApp app;
  private Http http;

  ServerDatabaseTest(TestServer server) {
    this.server = server;
  }

  @BeforeAll
  void start() throws Exception {
    database = server.scratchDatabase("users_test_");
    keyDir = Files.createTempDirectory("users-key");
    app =
        new RunningApp(
            "--spring.profiles.active=" + server.profile(),
            "--USERS_DB_URL=" + database.url(),
            "--USERS_DB_USER=" + database.user(),
            "--USERS_DB_PASSWORD=",
            "--flotilla.users.key-file=" + keyDir.resolve("signing-key.pem"));
    http = app.http();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
    try (var files = Files.walk(keyDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private Http.Answer register(String username, String email, String firstName) {
    return http.post(
        "/api/v1/users",
        "{\"username\":\""
            + username
            + "\",\"password\":\"correct horse\",\"email\":\""
            + email
            + "\",\"first_name\":\""
            + firstName
            + "\",\"last_name\":\"Hopper\"}");
  }

  @Test
  void anAccountIsCreatedReadAndLoggedInto() {
    Http.Answer created = register("grace", "Grace@Example.com", "Grace");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/users/grace");
    assertThat(created.body())
        .matches(
            "\\{\"username\":\"grace\",\"email\":\"grace@example.com\",\"first_name\":\"Grace\","
                + "\"last_name\":\"Hopper\",\"created\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"}");
    // The time read back is the time written: no time zone shifted it.
    assertThat(http.get("/api/v1/users/grace").body())
        .isEqualTo(created.body().replace("\"email\":\"grace@example.com\",", ""));

    String token = Tokens4Test.login(http, "grace", "correct horse");
    assertThat(http.as(token).get("/api/v1/users/me").body()).isEqualTo(created.body());
  }

  @Test
  void aTakenUsernameOrEmailInAnyCaseIsAConflict() {
    assertThat(register("linus", "linus@example.com", "Linus").status()).isEqualTo(201);
    assertThat(register("linus", "other@example.com", "Linus").status()).isEqualTo(409);
    assertThat(register("torvalds", "LINUS@example.COM", "Linus").status()).isEqualTo(409);
  }

  @Test
  void namesAsLongAsTheColumnsFit() {
    String hundred = "é".repeat(100);
    Http.Answer created = register("edsger", "edsger@example.com", hundred);
    assertThat(created.status()).isEqualTo(201);
    assertThat(http.get("/api/v1/users/edsger").body()).contains("\"first_name\":\"" + hundred);
  }

  @Test
  void thereAreNoDemoUsers() {
    assertThat(http.get("/api/v1/users/karina").status()).isEqualTo(404);
  }

  /**
   * MariaDB compares with trailing spaces ignored (PAD SPACE), PostgreSQL and H2 do not: a name
   * with spaces is refused before any lookup, so every database sees the same names.
   */
  @Test
  void aNameWithTrailingSpacesNeverReachesTheDatabase() {
    assertThat(register("ada", "ada@example.com", "Ada").status()).isEqualTo(201);

    assertThat(register("ada   ", "ada2@example.com", "Ada").status()).isEqualTo(400);
    assertThat(http.get("/api/v1/users/ada%20%20").status()).isIn(400, 404);
    Http.Answer login =
        http.post("/api/v1/auth/login", "{\"username\":\"ada   \",\"password\":\"correct horse\"}");
    assertThat(login.status()).isEqualTo(400);
    assertThat(login.contentType()).isEqualTo("application/problem+json");
  }
}
