package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Tokens cannot be checked while the users service's keys are out of reach: 503, not 401. */
class UnreachableUsersTest {

  @Test
  void aWriteWhileTheKeysAreOutOfReachIsServiceUnavailable() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (var app =
        new RunningApp(
            "--spring.profiles.active=test",
            "--spring.datasource.url=jdbc:h2:mem:tweets-unreachable;DB_CLOSE_DELAY=-1",
            "--spring.cloud.discovery.client.simple.instances.users=http://127.0.0.1:"
                + closedPort)) {
      Http.Answer answer = app.as("alice").post("/api/v1/tweets/", "{\"text\":\"hi\"}");

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.header("Retry-After")).isEqualTo("5");
      assertThat(answer.body())
          .isEqualTo(
              Http.problem(
                  503,
                  "Service Unavailable",
                  "Bearer tokens cannot be checked right now (the keys that verify them are out"
                      + " of reach); try again shortly.",
                  "/api/v1/tweets/"));
      assertThat(app.http().get("/api/v1/tweets/").status()).isEqualTo(200);
    }
  }
}
