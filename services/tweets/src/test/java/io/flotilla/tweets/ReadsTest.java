package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The timeline, a user's page, one tweet and the tags, on a database of this class's own: no demo
 * data (the test profile replaces the laptop default), then the tweets written in {@link #write()}.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:tweets-reads;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadsTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  private long old;

  @BeforeAll
  void write() {
    assertThat(anonymous().get("/api/v1/tweets/").body()).isEqualTo("[]");
    // An old tweet, written straight into the table: it sorts last although its id is highest.
    jdbc.sql(
            "INSERT INTO tweets (username, text, private, tag_id, created, updated)"
                + " VALUES ('dora', 'long ago', FALSE, 9, :at, :at)")
        .param("at", LocalDateTime.of(2020, 1, 2, 3, 4, 5))
        .update();
    old = jdbc.sql("SELECT MAX(id) FROM tweets").query(Long.class).single();
    for (int i = 1; i <= 5; i++) {
      as("alice").post("/api/v1/tweets/", "{\"text\":\"alice " + i + "\",\"tag\":\"music\"}");
    }
    as("alice").post("/api/v1/tweets/", "{\"text\":\"alice secret\",\"private\":true}");
    as("bob").post("/api/v1/tweets/", "{\"text\":\"bob untagged\"}");
    as("bob").post("/api/v1/tweets/", "{\"text\":\"bob secret\",\"private\":true}");
  }

  @Test
  void theTimelineIsEveryonesPublicTweetsNewestFirstWithTagless() {
    Http.Answer timeline = anonymous().get("/api/v1/tweets/");

    assertThat(timeline.status()).isEqualTo(200);
    assertThat(timeline.contentType()).isEqualTo("application/json");
    assertThat(texts(timeline.body()))
        .isEqualTo("bob untagged|alice 5|alice 4|alice 3|alice 2|alice 1|long ago");
    assertThat(timeline.header("X-Total-Count")).as("counted for numbered pages only").isNull();
    assertThat(timeline.header("Link")).isNull();
    assertThat(timeline.body())
        .endsWith(
            "{\"id\":"
                + old
                + ",\"username\":\"dora\",\"text\":\"long ago\",\"private\":false,"
                + "\"tag\":\"slalom\",\"created\":\"2020-01-02T03:04:05Z\"}]");
    assertThat(timeline.body())
        .contains("\"text\":\"bob untagged\",\"private\":false,\"tag\":null");
    // The same without the slash, and a token does not add anyone's private tweets here.
    assertThat(as("alice").get("/api/v1/tweets").body()).isEqualTo(timeline.body());
  }

  @Test
  void nextLinksLeadThroughTheWholeTimelineEvenWhileTweetsAreWritten() {
    Http.Answer first = anonymous().get("/api/v1/tweets/?size=3");
    assertThat(texts(first.body())).isEqualTo("bob untagged|alice 5|alice 4");
    String next = next(first);
    assertThat(next).matches("/api/v1/tweets/\\?before=[0-9]+_[0-9]+&size=3");

    // A tweet written meanwhile moves nothing: the next page starts after the last one seen.
    assertThat(as("carol").post("/api/v1/tweets/", "{\"text\":\"carol meanwhile\"}").status())
        .isEqualTo(201);
    long meanwhile = idOf("carol meanwhile");
    try {
      Http.Answer second = anonymous().get(next);
      assertThat(texts(second.body())).isEqualTo("alice 3|alice 2|alice 1");
      Http.Answer third = anonymous().get(next(second));
      assertThat(texts(third.body())).isEqualTo("long ago");
      assertThat(third.header("Link")).as("the end").isNull();
    } finally {
      as("carol").delete("/api/v1/tweets/" + meanwhile);
    }
  }

  @Test
  void aUsersPagesFollowTheirNextLinksToo() {
    Http.Answer first = as("alice").get("/api/v1/tweets/alice?size=4");
    assertThat(texts(first.body())).isEqualTo("alice secret|alice 5|alice 4|alice 3");
    Http.Answer second = as("alice").get(next(first));
    assertThat(texts(second.body())).isEqualTo("alice 2|alice 1");
    assertThat(second.header("Link")).isNull();
  }

  @Test
  void aBeforeThatNoLinkGaveIsABadRequest() {
    assertThat(anonymous().get("/api/v1/tweets/?before=yesterday").body())
        .isEqualTo(
            Http.invalid(
                "/api/v1/tweets/", "before", "must be the before of a Link header, got yesterday"));
    Http.Answer both = anonymous().get("/api/v1/tweets/?page=1&before=1_1");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.contentType()).isEqualTo("application/problem+json");
    assertThat(both.body()).contains("Give page or before, not both");
  }

  @Test
  void numberedPagesComeWithTotalAndLinks() {
    Http.Answer first = anonymous().get("/api/v1/tweets/?page=0&size=3");
    assertThat(texts(first.body())).isEqualTo("bob untagged|alice 5|alice 4");
    assertThat(first.header("X-Total-Count")).isEqualTo("7");
    assertThat(first.header("Link")).isEqualTo("</api/v1/tweets/?page=1&size=3>; rel=\"next\"");

    Http.Answer middle = anonymous().get("/api/v1/tweets/?page=1&size=3");
    assertThat(texts(middle.body())).isEqualTo("alice 3|alice 2|alice 1");
    assertThat(middle.header("Link"))
        .isEqualTo(
            "</api/v1/tweets/?page=2&size=3>; rel=\"next\", </api/v1/tweets/?page=0&size=3>;"
                + " rel=\"prev\"");

    Http.Answer last = anonymous().get("/api/v1/tweets/?page=2&size=3");
    assertThat(texts(last.body())).isEqualTo("long ago");
    assertThat(last.header("Link")).isEqualTo("</api/v1/tweets/?page=1&size=3>; rel=\"prev\"");

    Http.Answer beyond = anonymous().get("/api/v1/tweets/?page=9&size=3");
    assertThat(beyond.body()).isEqualTo("[]");
    assertThat(beyond.header("Link")).isEqualTo("</api/v1/tweets/?page=2&size=3>; rel=\"prev\"");
  }

  @Test
  void pageAndSizeOutOfRangeAreBadRequests() {
    assertThat(anonymous().get("/api/v1/tweets/?size=0").body())
        .isEqualTo(
            Http.invalid("/api/v1/tweets/", "size", "must be an integer from 1 to 100, got 0"));
    assertThat(anonymous().get("/api/v1/tweets/?size=101").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/v1/tweets/?size=100").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/v1/tweets/?page=-1").body())
        .isEqualTo(
            Http.invalid("/api/v1/tweets/", "page", "must be an integer from 0 to 10000, got -1"));
    assertThat(anonymous().get("/api/v1/tweets/alice?page=10001").body())
        .isEqualTo(
            Http.invalid(
                "/api/v1/tweets/alice", "page", "must be an integer from 0 to 10000, got 10001"));
    assertThat(anonymous().get("/api/v1/tweets/?page=one").body())
        .isEqualTo(Http.invalid("/api/v1/tweets/", "page", "must be an integer, got \"one\""));
  }

  @Test
  void aUsernameInThePathIsBounded() {
    String path = "/api/v1/tweets/" + "a".repeat(31);
    assertThat(anonymous().get(path).body())
        .isEqualTo(Http.invalid(path, "username", "must be at most 30 characters"));
  }

  @Test
  void readsAnswerJsonOrA406ProblemNeverHtml() {
    Http.Answer html = anonymous().send("GET", "/api/v1/tweets/", null, "text/html");
    assertThat(html.status()).isEqualTo(406);
    assertThat(html.contentType()).isEqualTo("application/problem+json");
    Http.Answer missing = anonymous().send("GET", "/api/v1/tweets/../x", null, "text/html");
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
    assertThat(missing.body()).doesNotContain("<html");
  }

  @Test
  void aUsersPageShowsPrivateTweetsOnlyToThatUser() {
    assertThat(texts(anonymous().get("/api/v1/tweets/alice").body()))
        .isEqualTo("alice 5|alice 4|alice 3|alice 2|alice 1");
    assertThat(texts(as("bob").get("/api/v1/tweets/alice").body()))
        .isEqualTo("alice 5|alice 4|alice 3|alice 2|alice 1");
    Http.Answer own = as("alice").get("/api/v1/tweets/alice?page=0&size=2");
    assertThat(texts(own.body())).isEqualTo("alice secret|alice 5");
    assertThat(own.header("X-Total-Count")).isEqualTo("6");
    assertThat(own.header("Link")).isEqualTo("</api/v1/tweets/alice?page=1&size=2>; rel=\"next\"");
    assertThat(texts(as("bob").get("/api/v1/tweets/bob/").body()))
        .isEqualTo("bob secret|bob untagged");
  }

  @Test
  void aNameWithoutTweetsHasAnEmptyPage() {
    Http.Answer nobody = anonymous().get("/api/v1/tweets/nobody_here");
    assertThat(nobody.status()).isEqualTo(200);
    assertThat(nobody.body()).isEqualTo("[]");
    assertThat(nobody.header("Link")).isNull();
    assertThat(anonymous().get("/api/v1/tweets/nobody_here?page=0").header("X-Total-Count"))
        .isEqualTo("0");
  }

  @Test
  void oneTweetByIdAndPrivateOnesOnlyToTheirAuthor() {
    long secret = idOf("alice secret");
    assertThat(anonymous().get("/api/v1/tweets/" + secret).body())
        .isEqualTo(
            Http.problem(
                404, "Not Found", "No tweet with id " + secret + ".", "/api/v1/tweets/" + secret));
    assertThat(as("bob").get("/api/v1/tweets/" + secret).status()).isEqualTo(404);
    assertThat(as("alice").get("/api/v1/tweets/" + secret).body())
        .contains("\"text\":\"alice secret\",\"private\":true");
    assertThat(anonymous().get("/api/v1/tweets/" + old + "/").status()).isEqualTo(200);
  }

  @Test
  void theNineTags() {
    Http.Answer tags = anonymous().get("/api/v1/tweets/tags");
    assertThat(tags.status()).isEqualTo(200);
    assertThat(tags.body())
        .isEqualTo(
            "[{\"id\":1,\"name\":\"general\"},{\"id\":2,\"name\":\"health\"},"
                + "{\"id\":3,\"name\":\"business\"},{\"id\":4,\"name\":\"world news\"},"
                + "{\"id\":5,\"name\":\"music\"},{\"id\":6,\"name\":\"technology\"},"
                + "{\"id\":7,\"name\":\"beauty\"},{\"id\":8,\"name\":\"movies and tv\"},"
                + "{\"id\":9,\"name\":\"slalom\"}]");
  }

  @Test
  void aPathThatIsNeitherIdNorUsernameIsNotFound() {
    Http.Answer answer = anonymous().get("/api/v1/tweets/Alice");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  private long idOf(String text) {
    return jdbc.sql("SELECT id FROM tweets WHERE text = :text")
        .param("text", text)
        .query(Long.class)
        .single();
  }

  /** The texts of a list of tweets, in order, joined by |. */
  static String texts(String body) {
    Matcher matcher = Pattern.compile("\"text\":\"([^\"]*)\"").matcher(body);
    var texts = new StringBuilder();
    while (matcher.find()) {
      texts.append(texts.isEmpty() ? "" : "|").append(matcher.group(1));
    }
    return texts.toString();
  }

  /** The target of the answer's {@code next} link. */
  private static String next(Http.Answer page) {
    Matcher link = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(page.header("Link"));
    assertThat(link.find()).as("a next link in %s", page.header("Link")).isTrue();
    return link.group(1);
  }
}
