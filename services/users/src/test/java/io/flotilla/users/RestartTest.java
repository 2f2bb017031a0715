package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop default: an H2 file and a generated signing key under FLOTILLA_DATA_DIR, both kept
 * over a restart; the demo users added once.
 */
class RestartTest {

  @TempDir Path dataDir;

  @Test
  void accountsTheKeyAndTokensSurviveARestart() throws Exception {
    String dataDirSetting = "--FLOTILLA_DATA_DIR=" + dataDir;
    Path keyFile = dataDir.resolve("users/signing-key.pem");
    String token;
    String profile;
    String kid;

    try (var app = new RunningApp(dataDirSetting)) {
      Http http = app.http();
      assertThat(
              http.post(
                      "/api/v1/users",
                      "{\"username\":\"grace\",\"password\":\"correct horse\","
                          + "\"email\":\"grace@example.com\",\"first_name\":\"Grace\","
                          + "\"last_name\":\"Hopper\"}")
                  .status())
          .isEqualTo(201);
      token = Tokens4Test.login(http, "grace", "correct horse");
      profile = http.as(token).get("/api/v1/users/me").body();
      kid = Tokens4Test.jwks(http).getKeys().getFirst().getKeyID();
      // The demo users, with the documented password.
      for (String demo : new String[] {"karina", "bob", "simon", "gina"}) {
        Tokens4Test.login(http, demo, "flotilla-demo");
      }
      assertThat(http.get("/api/v1/users/karina").body())
          .startsWith(
              "{\"username\":\"karina\",\"first_name\":\"karina\","
                  + "\"last_name\":\"gonzalez\",\"created\":\"");
    }
    assertThat(dataDir.resolve("users/users.mv.db")).exists();
    assertThat(keyFile).exists();
    String key = Files.readString(keyFile);
    assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");

    try (var app = new RunningApp(dataDirSetting)) {
      Http http = app.http();
      assertThat(Files.readString(keyFile)).isEqualTo(key);
      assertThat(Tokens4Test.jwks(http).getKeys().getFirst().getKeyID()).isEqualTo(kid);
      Http.Answer me = http.as(token).get("/api/v1/users/me");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.body()).isEqualTo(profile);
      Tokens4Test.verified(http, token);
      // Added once: the second start found them and left them as they were.
      Tokens4Test.login(http, "karina", "flotilla-demo");
    }
  }
}
