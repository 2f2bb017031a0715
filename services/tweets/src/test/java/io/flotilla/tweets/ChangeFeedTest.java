package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.testsupport.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The change feed on a database of its own. The poll interval is an hour here, so a waiting request
 * can only have been woken by the write's signal.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tweets-feed;DB_CLOSE_DELAY=-1",
      "flotilla.tweets.feed.poll-interval=1h"
    })
@ActiveProfiles("test")
class ChangeFeedTest extends ApiTest {

  private static final String CREATED =
      "\"created\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"";

  /** When the write was made: UTC, to the millisecond (no fraction when it is .000). */
  static final String AT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z";

  @Autowired MeterRegistry registry;
  @Autowired DataSource dataSource;

  @Test
  void eachTweetsLatestChangeInCommitOrderResumableAndLimited() {
    long start = last(search().get("/internal/v1/changes").body());
    Http alice = as("alice");
    Http.Answer kept = alice.post("/api/v1/tweets/", "{\"text\":\"first\",\"tag\":\"general\"}");
    Http.Answer gone = alice.post("/api/v1/tweets/", "{\"text\":\"regretted\"}");
    alice.put(kept.location(), "{\"text\":\"second\",\"private\":true}");
    alice.delete(gone.location());

    // A change supersedes the tweet's earlier ones, which leave the log with their text: the
    // latest state is all a consumer needs, and an edited or deleted text is not kept.
    Http.Answer feed = search().get("/internal/v1/changes?after=" + start);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).isEqualTo("application/json");
    List<Long> seqs = seqs(feed.body());
    assertThat(seqs).hasSize(2);
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    assertThat(feed.body())
        .matches(
            "\\{\"epoch\":\"[0-9a-f-]{36}\",\"changes\":\\["
                + "\\{\"seq\":"
                + seqs.get(0)
                + ",\"type\":\"updated\",\"tweetId\":"
                + kept.id()
                + ",\"tweet\":\\{\"id\":"
                + kept.id()
                + ",\"username\":\"alice\",\"text\":\"second\",\"private\":true,\"tag\":null,"
                + CREATED
                + ",\"tagId\":null},\"at\":\""
                + AT
                + "\"},"
                + "\\{\"seq\":"
                + seqs.get(1)
                + ",\"type\":\"deleted\",\"tweetId\":"
                + gone.id()
                + ",\"tweet\":null,\"at\":\""
                + AT
                + "\"}"
                + "],\"last\":"
                + seqs.get(1)
                + ",\"head\":"
                + seqs.get(1)
                + "}");
    assertThat(feed.body()).doesNotContain("first", "regretted");

    Http.Answer limited = search().get("/internal/v1/changes?after=" + start + "&limit=1");
    assertThat(seqs(limited.body())).containsExactly(seqs.get(0));
    assertThat(last(limited.body())).isEqualTo(seqs.get(0));
    Http.Answer resumed = search().get("/internal/v1/changes?after=" + seqs.get(0));
    assertThat(seqs(resumed.body())).containsExactly(seqs.get(1));
    assertThat(search().get("/internal/v1/changes?after=" + seqs.get(1)).body())
        .isEqualTo(
            "{\"epoch\":\""
                + epoch(feed.body())
                + "\",\"changes\":[],\"last\":"
                + seqs.get(1)
                + ",\"head\":"
                + seqs.get(1)
                + "}");
  }

  /**
   * Search times a write's way to its index from {@code at}: the write's own time, not the second
   * of its tweet's {@code created}, which would make every write look up to a second slower.
   */
  @Test
  void aChangeSaysWhenItsWriteWasMade() {
    long start = last(search().get("/internal/v1/changes").body());
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long id = as("alice").post("/api/v1/tweets/", "{\"text\":\"timed\"}").id();
    Instant after = Instant.now();

    Matcher at =
        Pattern.compile("\"tweetId\":" + id + ",\"tweet\":\\{[^}]*},\"at\":\"([^\"]+)\"")
            .matcher(search().get("/internal/v1/changes?after=" + start).body());
    assertThat(at.find()).isTrue();
    assertThat(Instant.parse(at.group(1))).isBetween(before, after);
  }

  /**
   * A reader away (no feed read, so nothing numbered) while a tweet is written and the tweet it
   * read last is deleted: the deletion replaces the row that has the reader's cursor, and neither
   * change may get a number at or below that cursor. A change that committed late comes first, so
   * that the numbers run ahead of the rows' ids, as they do under concurrent writes.
   */
  @Test
  void whatIsWrittenWhileTheNewestChangeIsReplacedComesAfterTheReadersCursor() throws Exception {
    long start = last(search().get("/internal/v1/changes").body());
    Http alice = as("alice");
    try (Connection late = dataSource.getConnection()) {
      late.setAutoCommit(false);
      try (Statement append = late.createStatement()) {
        append.executeUpdate(
            "INSERT INTO tweet_changes (tweet_id, type, created)"
                + " VALUES (929, 'deleted', CURRENT_TIMESTAMP)");
      }
      alice.post("/api/v1/tweets/", "{\"text\":\"committed before the late one\"}");
      start = last(search().get("/internal/v1/changes?after=" + start).body());
      late.commit();
    }
    long read = alice.post("/api/v1/tweets/", "{\"text\":\"read, then deleted\"}").id();
    String caughtUp = search().get("/internal/v1/changes?after=" + start).body();
    assertThat(caughtUp).contains("\"tweetId\":929,", "\"tweetId\":" + read + ",");
    long cursor = last(caughtUp);

    long written = alice.post("/api/v1/tweets/", "{\"text\":\"written meanwhile\"}").id();
    alice.delete("/api/v1/tweets/" + read);

    String resumed = search().get("/internal/v1/changes?after=" + cursor).body();
    assertThat(resumed)
        .contains("\"type\":\"created\",\"tweetId\":" + written + ",")
        .contains("\"type\":\"deleted\",\"tweetId\":" + read + ",");
    assertThat(seqs(resumed)).hasSize(2).allMatch(seq -> seq > cursor);
    assertThat(head(resumed)).isEqualTo(seqs(resumed).get(1));
  }

  @Test
  void theFeedIsLeftOutOfThePublishedApiDocument() {
    // The gateway publishes this document: the feed carries private tweets and is not public.
    String document = anonymous().get("/v3/api-docs").body();

    assertThat(document).contains("\"/api/v1/tweets/{id}\"").doesNotContain("/internal/");
  }

  @Test
  void theFeedStartsAtTheBeginningAndCarriesPrivateTweets() {
    long id = as("bob").post("/api/v1/tweets/", "{\"text\":\"hush\",\"private\":true}").id();

    String all = search().get("/internal/v1/changes?limit=1000").body();
    assertThat(all).isEqualTo(search().get("/internal/v1/changes?after=0&limit=1000").body());
    assertThat(all)
        .contains(
            "\"type\":\"created\",\"tweetId\":"
                + id
                + ",\"tweet\":{\"id\":"
                + id
                + ",\"username\":\"bob\",\"text\":\"hush\",\"private\":true,");
  }

  @Test
  void aWaitingRequestAnswersTheWriteMadeDuringItsWait() throws Exception {
    long start = last(search().get("/internal/v1/changes").body());
    CompletableFuture<Http.Answer> poll =
        CompletableFuture.supplyAsync(
            () -> search().get("/internal/v1/changes?after=" + start + "&wait=30s"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> registry.get("tweets.feed.waiting").gauge().value() >= 1);

    long id = as("carol").post("/api/v1/tweets/", "{\"text\":\"wake up\"}").id();

    // Long before the 30 s wait ends (the hour-long poll cannot have woken it either).
    Http.Answer answer = poll.get(20, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"type\":\"created\",\"tweetId\":" + id + ",")
        .contains("\"text\":\"wake up\"");
  }

  @Test
  void aReaderFollowingTheFeedDuringConcurrentWritesMissesNothing() throws Exception {
    long start = last(search().get("/internal/v1/changes").body());
    var writers = new ArrayList<CompletableFuture<Void>>();
    for (int w = 0; w < 4; w++) {
      Http writer = as("writer" + w);
      writers.add(
          CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 15; i++) {
              writer.post("/api/v1/tweets/", "{\"text\":\"busy\"}");
            }
          }));
    }
    // Follow the feed the way search does: always from the last seq seen.
    var seen = new ArrayList<Long>();
    long after = start;
    while (seen.size() < 60) {
      String body = search().get("/internal/v1/changes?wait=5s&after=" + after).body();
      seen.addAll(seqs(body));
      after = last(body);
    }
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    // Every change a reader sees later was already behind it: nothing skipped, nothing twice.
    assertThat(seen).isSorted().doesNotHaveDuplicates();
    assertThat(seqs(search().get("/internal/v1/changes?after=" + start).body())).isEqualTo(seen);
  }

  @Test
  void aShortWaitWithNothingNewAnswersAnEmptyList() {
    String first = search().get("/internal/v1/changes").body();
    long start = last(first);
    assertThat(search().get("/internal/v1/changes?after=" + start + "&wait=50ms").body())
        .isEqualTo(
            "{\"epoch\":\""
                + epoch(first)
                + "\",\"changes\":[],\"last\":"
                + start
                + ",\"head\":"
                + start
                + "}");
  }

  @Test
  void aReaderAheadOfTheNewestChangeIsAnsweredAtOnceWithTheHead() {
    String first = search().get("/internal/v1/changes").body();
    long head = last(first);

    // Its cursor is from another life of the feed: the head tells it so (at once, not after 30 s).
    Http.Answer ahead = search().get("/internal/v1/changes?after=" + (head + 1000) + "&wait=30s");
    assertThat(ahead.body())
        .isEqualTo(
            "{\"epoch\":\""
                + epoch(first)
                + "\",\"changes\":[],\"last\":"
                + (head + 1000)
                + ",\"head\":"
                + head
                + "}");
  }

  @Test
  void theFeedAnswersOnlyAServiceTokenForTweets() {
    String feed = "/internal/v1/changes";
    String invalid = "The service token is invalid, has expired, or is for another service.";

    Http.Answer none = anonymous().get(feed);
    assertThat(none)
        .isEqualTo(
            Http.Answer.problem(
                401,
                "Unauthorized",
                "This endpoint is for Flotilla's services only: send Authorization: Bearer"
                    + " <service token>, a token for this service signed with the shared service"
                    + " secret (./flotilla token <service> makes one from"
                    + " FLOTILLA_SERVICE_SECRET).",
                feed));
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(as("alice").get(feed))
        .as("a user's token")
        .isEqualTo(Http.Answer.problem(401, "Unauthorized", invalid, feed));
    assertThat(http(port).as(serviceToken("search", "hardware")).get(feed))
        .as("a service token for another service")
        .isEqualTo(Http.Answer.problem(401, "Unauthorized", invalid, feed));
    assertThat(search().get(feed).status()).isEqualTo(200);
    // Nor is a service token a user's: it writes no tweet.
    assertThat(
            http(port)
                .as(serviceToken("search", "tweets"))
                .post("/api/v1/tweets/", "{\"text\":\"hello\"}")
                .status())
        .isEqualTo(401);
  }

  @Test
  void badParametersAreBadRequests() {
    assertThat(search().get("/internal/v1/changes?wait=31s").body())
        .isEqualTo(
            Http.problem(
                400,
                "Bad Request",
                "wait must be a duration from 0 to 30s with its unit, such as 500ms or 10s, got"
                    + " \"31s\".",
                "/internal/v1/changes"));
    for (String bad :
        List.of(
            "wait=soon", "wait=10", "wait=-1s", "limit=0", "limit=1001", "after=-1", "after=x")) {
      Http.Answer answer = search().get("/internal/v1/changes?" + bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).as(bad).isEqualTo("application/problem+json");
    }
    assertThat(search().get("/internal/v1/changes?limit=1000&wait=0").status()).isEqualTo(200);
  }

  static List<Long> seqs(String body) {
    Matcher matcher = Pattern.compile("\"seq\":(\\d+)").matcher(body);
    var seqs = new ArrayList<Long>();
    while (matcher.find()) {
      seqs.add(Long.parseLong(matcher.group(1)));
    }
    return seqs;
  }

  static String epoch(String body) {
    Matcher matcher = Pattern.compile("^\\{\"epoch\":\"([0-9a-f-]{36})\",").matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }

  static long last(String body) {
    Matcher matcher = Pattern.compile("\"last\":(\\d+),\"head\":\\d+}$").matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  static long head(String body) {
    Matcher matcher = Pattern.compile("\"head\":(\\d+)}$").matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
