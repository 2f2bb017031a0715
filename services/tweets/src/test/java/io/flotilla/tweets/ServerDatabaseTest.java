package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.ScratchDatabase;
import io.flotilla.testsupport.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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

  ServerDatabaseTest(TestServer server) {
    this.server = server;
  }

  @BeforeAll
  void start() throws SQLException {
    database = server.scratchDatabase("tweets_test_");
    app =
        new RunningApp(
            "--spring.profiles.active=" + server.profile(),
            "--TWEETS_DB_URL=" + database.url(),
            "--TWEETS_DB_USER=" + database.user(),
            "--TWEETS_DB_PASSWORD=");
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
  void tagsAreSeededAndNoDemoTweetsOutsideTheLaptopProfile() {
    assertThat(app.http().get("/api/v1/tweets/tags").body())
        .startsWith("[{\"id\":1,\"name\":\"general\"},")
        .endsWith("{\"id\":9,\"name\":\"slalom\"}]");
    assertThat(app.http().get("/api/v1/tweets/dora").body()).isEqualTo("[]");
    assertThat(app.http().get("/api/v1/tweets/gina").body()).isEqualTo("[]");
  }

  /**
   * The feed's numbering must see what has committed once it holds its lock (ChangeLog#number):
   * read committed, which MariaDB's default (repeatable read) is not.
   */
  @Test
  void connectionsReadCommitted() throws SQLException {
    try (Connection pooled = app.bean(DataSource.class).getConnection()) {
      assertThat(pooled.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  @Test
  void tweetsAreCreatedReadChangedDeletedAndFed() {
    List<Long> earlier = ChangeFeedTest.seqs(app.search().get("/internal/v1/changes").body());
    long after = earlier.isEmpty() ? 0 : earlier.getLast();
    Http dora = app.as("dora");
    String emoji = "\uD83D\uDE00".repeat(280);
    Http.Answer created =
        dora.post("/api/v1/tweets/", "{\"text\":\"" + emoji + "\",\"tag\":\"slalom\"}");
    assertThat(created.status()).isEqualTo(201);
    String location = created.location();
    assertThat(app.http().get(location).body()).isEqualTo(created.body());
    assertThat(created.body())
        .contains("\"text\":\"" + emoji + "\",\"private\":false,\"tag\":\"slalom\"");

    // The same values again still finds the row (MariaDB counts it as no row changed).
    assertThat(dora.put(location, "{\"text\":\"" + emoji + "\",\"tag\":\"slalom\"}").status())
        .isEqualTo(200);
    assertThat(dora.put(location, "{\"text\":\"hidden\",\"private\":true}").body())
        .contains("\"text\":\"hidden\",\"private\":true,\"tag\":null");
    assertThat(app.http().get(location).status()).isEqualTo(404);
    assertThat(dora.get("/api/v1/tweets/dora").body()).contains("\"text\":\"hidden\"");
    assertThat(app.as("eve").delete(location).status()).isEqualTo(404);
    assertThat(dora.delete(location).status()).isEqualTo(204);

    String feed = app.search().get("/internal/v1/changes?after=" + after).body();
    // Each change replaced the tweet's earlier ones: only the deletion is left, without text.
    assertThat(feed)
        .contains("\"type\":\"deleted\",\"tweetId\":" + created.id() + ",\"tweet\":null")
        .doesNotContain("hidden", emoji);
    assertThat(ChangeFeedTest.seqs(feed)).hasSize(1);
  }

  /**
   * Changes are numbered in commit order, not in the order they were appended: one appended first
   * but committed after a reader has moved past a later one still reaches that reader.
   */
  @Test
  void aChangeThatCommitsLateIsFedAfterWhatWasReadMeanwhile() throws SQLException {
    String start = app.search().get("/internal/v1/changes").body();
    long after = ChangeFeedTest.last(start);
    try (Connection slow = DriverManager.getConnection(database.url(), database.user(), "")) {
      slow.setAutoCommit(false);
      try (var append = slow.prepareStatement(INSERT_A_DELETION)) {
        append.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now()));
        append.executeUpdate();
      }
      Http.Answer quick = app.as("gus").post("/api/v1/tweets/", "{\"text\":\"quick\"}");
      String read = app.search().get("/internal/v1/changes?after=" + after).body();
      assertThat(read).contains("\"tweetId\":" + quick.id() + ",").doesNotContain("909");

      slow.commit();
      String next =
          app.search().get("/internal/v1/changes?after=" + ChangeFeedTest.last(read)).body();
      assertThat(next).contains("\"type\":\"deleted\",\"tweetId\":909,");
    }
  }

  /** Search times a write's way to its index from it: whole seconds would be no measure. */
  @Test
  void aChangeSaysWhenItWasMadeToTheMillisecond() throws SQLException {
    long after = ChangeFeedTest.last(app.search().get("/internal/v1/changes").body());
    try (Connection writer = DriverManager.getConnection(database.url(), database.user(), "");
        var append =
            writer.prepareStatement(
                "INSERT INTO tweet_changes (tweet_id, type, created) VALUES (919, 'deleted', ?)")) {
      append.setTimestamp(1, Timestamp.valueOf(LocalDateTime.parse("2026-12-07T20:31:05.123")));
      append.executeUpdate();
    }

    assertThat(app.search().get("/internal/v1/changes?after=" + after).body())
        .contains("\"tweetId\":919,\"tweet\":null,\"at\":\"2026-12-07T20:31:05.123Z\"");
  }

  private static final String INSERT_A_DELETION =
      "INSERT INTO tweet_changes (tweet_id, type, created) VALUES (909, 'deleted', ?)";

  /**
   * A batch's generated keys, as each database answers them, are the rows' own ids. (Fewer than a
   * feed page: the other tests read the feed's first page to find its end.)
   */
  @Test
  void generatedTweetsAreFedWithTheirOwnIds() {
    long after = ChangeFeedTest.last(app.search().get("/internal/v1/changes").body());
    assertThat(app.search().post(TweetLoaderTest.LOADER, "{\"count\":300}").status())
        .isEqualTo(200);

    int checked = 0;
    while (checked < 300) {
      String page = app.search().get("/internal/v1/changes?limit=1000&after=" + after).body();
      Matcher change = FED.matcher(page);
      while (change.find()) {
        checked++;
        if (change.group(3).equals("false")) {
          assertThat(app.http().get("/api/v1/tweets/" + change.group(1)).body())
              .contains("\"text\":\"" + change.group(2) + "\"");
        }
      }
      after = ChangeFeedTest.last(page);
    }
  }

  private static final Pattern FED =
      Pattern.compile(
          "\"tweetId\":(\\d+),\"tweet\":\\{\"id\":\\d+,\"username\":\"gen_\\d+\","
              + "\"text\":\"([^\"]+)\",\"private\":(true|false),");

  /** Written within a second, so the server's timestamps tie and the cursor's id decides. */
  @Test
  void nextLinksWalkAUsersTweetsOnceEachInOrder() {
    Http fay = app.as("fay");
    for (int i = 1; i <= 5; i++) {
      assertThat(fay.post("/api/v1/tweets/", "{\"text\":\"fay " + i + "\"}").status())
          .isEqualTo(201);
    }
    var seen = new StringBuilder();
    String page = "/api/v1/tweets/fay?size=2";
    while (page != null) {
      Http.Answer answer = app.http().get(page);
      seen.append(ReadsTest.texts(answer.body())).append('|');
      String link = answer.header("Link");
      page = link == null ? null : link.substring(1, link.indexOf('>'));
    }
    assertThat(seen.toString()).isEqualTo("fay 5|fay 4|fay 3|fay 2|fay 1|");
  }
}
