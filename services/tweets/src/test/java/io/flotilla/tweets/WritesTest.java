package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.testsupport.Http;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** Creating, changing and deleting tweets with bearer tokens, on real HTTP and H2. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WritesTest extends ApiTest {

  private static final String CREATED =
      "\"created\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"";

  @Test
  void aTweetIsCreatedWithItsLocationAndTheContractsJson() {
    Http.Answer created =
        as("alice").post("/api/v1/tweets/", "{\"text\":\"hello\",\"tag\":\"General\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.contentType()).isEqualTo("application/json");
    long id = created.id();
    assertThat(created.location()).isEqualTo("/api/v1/tweets/" + id);
    assertThat(created.body())
        .matches(
            "\\{\"id\":"
                + id
                + ",\"username\":\"alice\",\"text\":\"hello\",\"private\":false,\"tag\":\"general\","
                + CREATED
                + "}");
    assertThat(anonymous().get(created.location()).body()).isEqualTo(created.body());
  }

  @Test
  void aWriteIsTimedAndSpringSecurityObservesNothingOfItsOwn() {
    assertThat(as("alice").post("/api/v1/tweets/", "{\"text\":\"timed\"}").status()).isEqualTo(201);

    // The request's timer stops after its answer went out: wait for it to show.
    Pattern postTimer =
        Pattern.compile(
            "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\"");
    String scrape =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> anonymous().get("/actuator/prometheus").body(),
                body -> postTimer.matcher(body).find());
    // No timers or spans per filter of the chain, per authentication, per authorization.
    assertThat(scrape).doesNotContain("spring_security_");
  }

  @Test
  void withoutASlashAndWithoutATagAndPrivate() {
    Http.Answer created =
        as("alice").post("/api/v1/tweets", "{\"text\":\"quiet\",\"private\":true}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body())
        .matches(
            "\\{\"id\":\\d+,\"username\":\"alice\",\"text\":\"quiet\",\"private\":true,\"tag\":null,"
                + CREATED
                + "}");
  }

  @Test
  void textIsCheckedInCodePoints() {
    String emoji = "\uD83D\uDE00".repeat(280);
    Http.Answer created = as("alice").post("/api/v1/tweets/", "{\"text\":\"" + emoji + "\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(anonymous().get(created.location()).body()).contains("\"text\":\"" + emoji + "\"");

    assertThat(as("alice").post("/api/v1/tweets/", "{\"text\":\"" + "a".repeat(281) + "\"}"))
        .extracting(Http.Answer::status, Http.Answer::body)
        .containsExactly(
            400,
            Http.invalid("/api/v1/tweets/", "text", "must be at most 280 characters, got 281"));
  }

  @Test
  void emptyBlankMissingAndMalformedAreRejected() {
    Http alice = as("alice");
    assertThat(alice.post("/api/v1/tweets/", "{\"text\":\"\"}").body())
        .isEqualTo(
            Http.invalid(
                "/api/v1/tweets/",
                "text",
                "must not be blank: 1 to 280 characters, not only spaces"));
    assertThat(alice.post("/api/v1/tweets/", "{\"text\":\" \\n\\t \"}").status()).isEqualTo(400);
    assertThat(alice.post("/api/v1/tweets/", "{\"tag\":\"general\"}").body())
        .isEqualTo(Http.invalid("/api/v1/tweets/", "text", "is required: 1 to 280 characters"));
    assertThat(alice.post("/api/v1/tweets/", "{\"text\":\"a\\u0000b\"}").status()).isEqualTo(400);

    Http.Answer malformed = alice.post("/api/v1/tweets/", "{\"text\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).isEqualTo("application/problem+json");
    assertThat(malformed.body())
        .isEqualTo(
            Http.problem(
                400,
                "Bad Request",
                "The body must be a JSON object with the fields text, tag, private.",
                "/api/v1/tweets/"));
  }

  @Test
  void aFieldTheBodyDoesNotHaveIsRefusedNotIgnored() {
    assertThat(as("alice").post("/api/v1/tweets", "{\"text\":\"quiet\",\"extra\":1}").body())
        .isEqualTo(
            Http.invalid(
                "/api/v1/tweets",
                "extra",
                "is not a known field; the fields are text, tag, private"));
  }

  @Test
  void everyInputIsBoundedBeforeAnyWrite() {
    Http alice = as("alice");
    assertThat(alice.post("/api/v1/tweets/", "{\"text\":\"\u200B\u200B\"}").status())
        .isEqualTo(400);
    assertThat(
            alice.post("/api/v1/tweets/", "{\"text\":\"hi\",\"tag\":\"" + "x".repeat(51) + "\"}"))
        .extracting(Http.Answer::status, Http.Answer::body)
        .containsExactly(
            400, Http.invalid("/api/v1/tweets/", "tag", "must be at most 50 characters, got 51"));
    assertThat(alice.post("/api/v1/tweets/", "{\"text\":\"" + "x".repeat(70_000) + "\"}"))
        .extracting(Http.Answer::status, Http.Answer::body)
        .containsExactly(
            413,
            Http.problem(
                413,
                "Content Too Large",
                "The request body must be at most 65536 bytes.",
                "/api/v1/tweets/"));
    assertThat(alice.post("/api/v1/tweets/", "{\"text\":\"hi\",\"private\":\"yes\"}").body())
        .isEqualTo(Http.invalid("/api/v1/tweets/", "private", "must be true or false"));
  }

  @Test
  void aPostThatCannotBeAnsweredInTheAcceptedTypeWritesNothing() {
    Http carol = as("carol");
    String before = carol.get("/api/v1/tweets/carol").header("X-Total-Count");

    Http.Answer refused =
        carol.send("POST", "/api/v1/tweets/", "{\"text\":\"unseen\"}", "application/xml");

    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(carol.get("/api/v1/tweets/carol").header("X-Total-Count")).isEqualTo(before);
  }

  @Test
  void anUnknownTagIsUnprocessableAndListsTheKnownOnes() {
    Http.Answer answer = as("alice").post("/api/v1/tweets/", "{\"text\":\"hi\",\"tag\":\"cats\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body())
        .isEqualTo(
            "{\"detail\":\"Unknown tag \\\"cats\\\"; use one of general, health, business,"
                + " world news, music, technology, beauty, movies and tv, slalom (any case), or"
                + " leave tag out.\",\"instance\":\"/api/v1/tweets/\",\"status\":422,"
                + "\"title\":\"Unprocessable Content\",\"tags\":[\"general\",\"health\","
                + "\"business\",\"world news\",\"music\",\"technology\",\"beauty\","
                + "\"movies and tv\",\"slalom\"]}");
  }

  @Test
  void theAuthorIsTheTokensSubjectAndABodyNamingOneIsRefused() {
    assertThat(as("alice").post("/api/v1/tweets/", "{\"text\":\"hi\",\"username\":\"bob\"}").body())
        .isEqualTo(
            Http.invalid(
                "/api/v1/tweets/",
                "username",
                "is not a known field; the fields are text, tag, private"));
    assertThat(as("alice").post("/api/v1/tweets/", "{\"text\":\"hi\",\"user_id\":2}").status())
        .isEqualTo(400);

    assertThat(as("carol").post("/api/v1/tweets/", "{\"text\":\"mine\"}").body())
        .contains("\"username\":\"carol\"");
  }

  @Test
  void writesWithoutAGoodTokenAreUnauthorized() {
    String body = "{\"text\":\"hi\"}";
    Http.Answer none = anonymous().post("/api/v1/tweets/", body);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(none.body())
        .isEqualTo(
            Http.problem(
                401,
                "Unauthorized",
                "This request needs a bearer token: log in at /api/v1/auth/login and send"
                    + " Authorization: Bearer <access_token>.",
                "/api/v1/tweets/"));

    for (String bad :
        new String[] {
          USERS.expired("alice"),
          USERS.tampered("alice", "bob"),
          USERS.fromIssuer("someone-else", "alice"),
          USERS.signedByAnotherKey("alice"),
          "not-a-jwt"
        }) {
      Http.Answer answer = anonymous().as(bad).post("/api/v1/tweets/", body);
      assertThat(answer.status()).as(bad).isEqualTo(401);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.header("WWW-Authenticate"))
          .isEqualTo(
              "Bearer error=\"invalid_token\", error_description=\"The token is invalid or has"
                  + " expired\"");
      // Nothing of the decoder's own message (library, claim names) reaches the client.
      assertThat(answer.body())
          .isEqualTo(
              Http.problem(
                  401,
                  "Unauthorized",
                  "The bearer token is invalid or has expired; log in again at"
                      + " /api/v1/auth/login.",
                  "/api/v1/tweets/"));
    }
    assertThat(anonymous().put("/api/v1/tweets/1", body).status()).isEqualTo(401);
    assertThat(anonymous().delete("/api/v1/tweets/1").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/v1/tweets/").status()).isEqualTo(200);
  }

  @Test
  void madeUpKeyIdsFetchUsersKeysAtMostOnceIn30Seconds() {
    String body = "{\"text\":\"unknown key\"}";
    // The key set is known first, from a good token.
    assertThat(as("alice").post("/api/v1/tweets/", "{\"text\":\"known key\"}").status())
        .isEqualTo(201);
    int before = USERS.keySetFetches();

    for (int i = 0; i < 10; i++) {
      Http.Answer answer =
          anonymous()
              .as(USERS.withUnknownKid("alice", "made-up-" + i))
              .post("/api/v1/tweets/", body);
      assertThat(answer.status()).isEqualTo(401);
    }

    assertThat(USERS.keySetFetches() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void theAuthorChangesAndDeletesATweet() {
    Http alice = as("alice");
    String location =
        alice.post("/api/v1/tweets/", "{\"text\":\"draft\",\"tag\":\"music\"}").location();

    Http.Answer changed =
        alice.put(location, "{\"text\":\"final\",\"tag\":\"WORLD NEWS\",\"private\":true}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body())
        .matches(
            "\\{\"id\":\\d+,\"username\":\"alice\",\"text\":\"final\",\"private\":true,"
                + "\"tag\":\"world news\","
                + CREATED
                + "}");
    assertThat(alice.get(location).body()).isEqualTo(changed.body());
    assertThat(anonymous().get(location).status()).isEqualTo(404);

    // Left out, "private" stays as it was; the tag is replaced (here by none).
    assertThat(alice.put(location, "{\"text\":\"again\"}").body())
        .contains("\"private\":true,\"tag\":null");
    assertThat(alice.put(location, "{\"text\":\"again\",\"private\":false}").body())
        .contains("\"private\":false");
    assertThat(alice.delete(location).status()).isEqualTo(204);
    assertThat(alice.get(location).status()).isEqualTo(404);
    assertThat(alice.delete(location).status()).isEqualTo(404);
  }

  @Test
  void committedWritesAreCountedAndRefusedOnesAreNot() {
    double created = anonymous().scraped("tweets_writes_total", "operation=\"create\"");
    double deleted = anonymous().scraped("tweets_writes_total", "operation=\"delete\"");

    long id = as("alice").post("/api/v1/tweets/", "{\"text\":\"counted\"}").id();
    assertThat(as("bob").delete("/api/v1/tweets/" + id).status()).isEqualTo(403);
    assertThat(as("alice").delete("/api/v1/tweets/" + id).status()).isEqualTo(204);

    assertThat(anonymous().scraped("tweets_writes_total", "operation=\"create\""))
        .isEqualTo(created + 1);
    assertThat(anonymous().scraped("tweets_writes_total", "operation=\"delete\""))
        .isEqualTo(deleted + 1);
  }

  @Test
  void someoneElsesPublicTweetIsForbiddenAndTheirPrivateOneNotFound() {
    String open = as("alice").post("/api/v1/tweets/", "{\"text\":\"open\"}").location();
    String closed =
        as("alice").post("/api/v1/tweets/", "{\"text\":\"closed\",\"private\":true}").location();
    Http bob = as("bob");

    assertThat(bob.put(open, "{\"text\":\"mine now\"}"))
        .extracting(Http.Answer::status, Http.Answer::body)
        .containsExactly(
            403,
            Http.problem(
                403,
                "Forbidden",
                "Tweet "
                    + open.substring(open.lastIndexOf('/') + 1)
                    + " belongs to another user; only its author may change or delete it.",
                open));
    assertThat(bob.delete(open).status()).isEqualTo(403);
    assertThat(bob.put(closed, "{\"text\":\"mine now\"}").status()).isEqualTo(404);
    assertThat(bob.delete(closed).status()).isEqualTo(404);
    assertThat(bob.get(closed).status()).isEqualTo(404);
    assertThat(anonymous().get(open).body()).contains("\"text\":\"open\"");
    assertThat(as("alice").get(closed).body()).contains("\"text\":\"closed\"");
  }

  @Test
  void unknownIdsAreNotFound() {
    assertThat(as("alice").put("/api/v1/tweets/999999", "{\"text\":\"x\"}").body())
        .isEqualTo(
            Http.problem(404, "Not Found", "No tweet with id 999999.", "/api/v1/tweets/999999"));
    assertThat(as("alice").delete("/api/v1/tweets/999999").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/tweets/999999").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/tweets/99999999999999999999").status()).isEqualTo(400);
  }

  @Test
  void aLaterAccountUnderTheSameNameCannotTouchTheEarlierAccountsTweets() {
    Http earlier = http(port).as(USERS.token("dora", UUID.randomUUID().toString()));
    String open = earlier.post("/api/v1/tweets/", "{\"text\":\"first dora\"}").location();
    String closed =
        earlier
            .post("/api/v1/tweets/", "{\"text\":\"first dora hush\",\"private\":true}")
            .location();

    // The name was lost (say a users database restored from before it) and registered again.
    Http later = http(port).as(USERS.token("dora", UUID.randomUUID().toString()));

    assertThat(later.put(open, "{\"text\":\"mine now\"}").status()).isEqualTo(403);
    assertThat(later.delete(open).status()).isEqualTo(403);
    assertThat(later.get(closed).status()).isEqualTo(404);
    assertThat(later.delete(closed).status()).isEqualTo(404);
    assertThat(later.get("/api/v1/tweets/dora").body())
        .contains("\"text\":\"first dora\"")
        .doesNotContain("hush");
    assertThat(earlier.get("/api/v1/tweets/dora").body()).contains("hush");
    assertThat(earlier.delete(closed).status()).isEqualTo(204);
  }

  @Test
  void aTokenWithoutAnAccountCannotWrite() {
    Http.Answer answer =
        http(port).as(USERS.withoutAccount("erin")).post("/api/v1/tweets/", "{\"text\":\"hi\"}");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate"))
        .isEqualTo(
            "Bearer error=\"invalid_token\", error_description=\"The token is invalid or has"
                + " expired\"");
  }
}
