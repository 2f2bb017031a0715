package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search keeps its place in the feed over a restart, and catches up after the feed was down. */
class FeedRecoveryTest {

  @TempDir Path dataDir;

  StandInFeed feed;

  @BeforeEach
  void startFeed() {
    feed = new StandInFeed();
  }

  @AfterEach
  void stopFeed() {
    feed.close();
  }

  @Test
  void aRestartResumesFromTheCursorInTheIndexWithoutDuplicates() {
    Path index = dataDir.resolve("index");
    feed.created(1, "karina", "first heron", null, null);
    feed.created(2, "bob", "second heron", "music", 5L);
    feed.deleted(1);
    long last = feed.created(3, "gina", "third heron", null, null);

    try (var search = new RunningSearch(feed, index)) {
      Eventually.until(
          () -> ids(search.http(), "keyword=heron"), ids -> ids.equals(List.of(3L, 2L)));
    }
    feed.created(4, "simon", "fourth heron", null, null);
    feed.received.clear();

    try (var search = new RunningSearch(feed, index)) {
      Eventually.until(
          () -> ids(search.http(), "keyword=heron"), ids -> ids.equals(List.of(4L, 3L, 2L)));
      assertThat(feed.received.peek()).isEqualTo("after=" + last + "&limit=1000&wait=10s");
      assertThat(search.http().get("/actuator/prometheus").body())
          .containsPattern("search_index_documents\\{[^}]*} 3.0");
    }
  }

  @Test
  void aBacklogReadInManyBatchesIsCommittedWithItsCursorAndARestartResumesAfterIt() {
    Path index = dataDir.resolve("index");
    long last = 0;
    for (long id = 1; id <= 25; id++) {
      last = feed.created(id, "bob", "backlog heron " + id, null, null);
    }

    // Batches of 10 and no commit by time while catching up: one commit, once caught up.
    try (var search =
        new RunningSearch(
            feed,
            index,
            "--flotilla.search.batch-limit=10",
            "--flotilla.search.commit-interval=1h")) {
      Eventually.until(() -> ids(search.http(), "keyword=heron&size=100").size(), n -> n == 25);
    }
    feed.received.clear();

    try (var search = new RunningSearch(feed, index, "--flotilla.search.batch-limit=10")) {
      Eventually.until(() -> feed.received.peek(), first -> first != null);
      assertThat(feed.received.peek()).isEqualTo("after=" + last + "&limit=10&wait=10s");
      assertThat(search.http().get("/actuator/prometheus").body())
          .containsPattern("search_index_documents\\{[^}]*} 25.0");
    }
  }

  @Test
  void writesArrivingOneByOneAreAppliedTogetherAfterTheRefreshInterval() {
    long first = feed.created(1, "karina", "first heron", null, null);
    try (var search =
        new RunningSearch(
            feed, dataDir.resolve("index"), "--flotilla.search.refresh-interval=1s")) {
      Eventually.until(() -> ids(search.http(), "keyword=heron"), ids -> ids.equals(List.of(1L)));
      // Search is waiting out its refresh interval: these three come back in one batch.
      long second = feed.created(2, "bob", "second heron", null, null);
      long third = feed.created(3, "gina", "third heron", null, null);
      long last = feed.created(4, "simon", "fourth heron", null, null);

      Eventually.until(
          () -> ids(search.http(), "keyword=heron"), ids -> ids.equals(List.of(4L, 3L, 2L, 1L)));
      assertThat(feed.received)
          .anyMatch(query -> query.startsWith("after=" + first + "&"))
          .noneMatch(query -> query.startsWith("after=" + second + "&"))
          .noneMatch(query -> query.startsWith("after=" + third + "&"));
      Eventually.until(
          () -> List.copyOf(feed.received),
          queries -> queries.stream().anyMatch(q -> q.startsWith("after=" + last + "&")));
    }
  }

  @Test
  void withoutTheServiceSecretTheFeedRefusesSearchAndOperatorsSeeWhy() {
    feed.created(1, "karina", "private heron", null, null);
    try (var search =
        new RunningSearch(
            feed,
            dataDir.resolve("index"),
            "--flotilla.service-credentials.secret=",
            "--flotilla.search.backoff.max=500ms")) {
      Eventually.until(
          () -> search.http().get("/actuator/info").body(),
          body -> body.contains("\"lastError\":\"answered 401\""));
      assertThat(ids(search.http(), "keyword=heron")).isEmpty();
    }
  }

  @Test
  void searchAnswersWhileTheFeedIsDownAndCatchesUpWhenItIsBack() {
    feed.created(1, "karina", "before the outage", null, null);
    try (var search =
        new RunningSearch(
            feed,
            dataDir.resolve("index"),
            "--flotilla.search.batch-limit=10",
            "--flotilla.search.backoff.max=500ms")) {
      Http http = search.http();
      Eventually.until(() -> ids(http, "keyword=outage"), ids -> ids.equals(List.of(1L)));

      feed.goDown();
      for (long id = 2; id <= 26; id++) {
        feed.created(id, "bob", "backlog number " + id, "business", 3L);
      }
      Eventually.until(
          () -> http.get("/actuator/info").body(),
          body ->
              body.contains("\"state\":\"unavailable\"")
                  && body.contains("\"lastError\":\"unreachable: cannot connect\""));
      assertThat(ids(http, "keyword=outage")).containsExactly(1L);
      assertThat(http.get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(http.get("/health").body()).startsWith("{\"status\":\"UP\"");

      feed.failWith(503);
      feed.comeBack();
      Eventually.until(
          () -> http.get("/actuator/info").body(),
          body -> body.contains("\"lastError\":\"answered 503\""));
      assertThat(ids(http, "tag=business")).isEmpty();

      feed.failWith(0);
      List<Long> backlog = LongStream.rangeClosed(2, 26).boxed().toList().reversed();
      Eventually.until(() -> ids(http, "tag=business&size=100"), ids -> ids.equals(backlog));
      Eventually.until(
          () -> http.get("/actuator/info").body(),
          body -> body.contains("\"state\":\"following\""));
      assertThat(http.get("/actuator/prometheus").body())
          .containsPattern("search_feed_batches_total\\{[^}]*outcome=\"failed\"[^}]*} [1-9]")
          .containsPattern("search_feed_cursor\\{[^}]*} 26.0");
    }
  }

  @Test
  void aNewTweetsDatabaseEmptiesTheIndexAndRebuildsItFromTheNewFeed() {
    feed.created(1, "karina", "old heron", null, null);
    feed.created(2, "bob", "grey heron", null, null);
    feed.created(3, "gina", "blue heron", null, null);
    try (var search = new RunningSearch(feed, dataDir.resolve("index"))) {
      Http http = search.http();
      Eventually.until(() -> ids(http, "keyword=heron"), ids -> ids.equals(List.of(3L, 2L, 1L)));

      // The tweets database is deleted and made again: its ids and seqs start over.
      feed.newDatabase();
      feed.created(1, "simon", "new osprey", null, null);

      Eventually.until(() -> ids(http, "keyword=osprey"), ids -> ids.equals(List.of(1L)));
      assertThat(ids(http, "keyword=heron")).isEmpty();
      assertThat(http.get("/actuator/prometheus").body())
          .containsPattern("search_index_rebuilds_total\\{[^}]*} 1.0")
          .containsPattern("search_index_documents\\{[^}]*} 1.0");
    }
  }

  @Test
  void aFeedRestoredToAnOlderStateLeadsToARebuildAcrossARestartOfSearch() {
    Path index = dataDir.resolve("index");
    for (long id = 1; id <= 4; id++) {
      feed.created(id, "karina", "kestrel " + id, null, null);
    }
    try (var search = new RunningSearch(feed, index)) {
      Eventually.until(
          () -> ids(search.http(), "keyword=kestrel"), ids -> ids.equals(List.of(4L, 3L, 2L, 1L)));
    }

    // Tweets comes back from a backup taken after seq 2, and takes a new write at once: the
    // index's cursor (4) is ahead of the feed's head.
    feed.restoreTo(2);
    feed.created(5, "bob", "kestrel 5", null, null);
    feed.received.clear();

    try (var search = new RunningSearch(feed, index)) {
      Eventually.until(
          () -> ids(search.http(), "keyword=kestrel"), ids -> ids.equals(List.of(5L, 2L, 1L)));
      assertThat(feed.received).contains("after=0&limit=1000&wait=10s");
    }
  }

  /** Old writes that a rebuild reads again are not a write's way to search; new ones are. */
  @Test
  void writesReadAgainByARebuildAreNotTimedAsBecomingSearchable() {
    feed.created(1, "karina", "old heron", null, null);
    feed.created(2, "bob", "older heron", null, null);
    try (var search = new RunningSearch(feed, dataDir.resolve("index"))) {
      Eventually.until(() -> ids(search.http(), "keyword=heron"), ids -> ids.size() == 2);
      feed.created(3, "karina", "new heron", null, null);

      long timed =
          Eventually.until(
              () -> visibilityCount(search.http().get("/actuator/prometheus").body()),
              count -> count > 0);
      assertThat(timed).isEqualTo(1);
    }
  }

  private static long visibilityCount(String metrics) {
    Matcher count =
        Pattern.compile("search_index_visibility_seconds_count\\{[^}]*} (\\d+)").matcher(metrics);
    assertThat(count.find()).as(metrics).isTrue();
    return Long.parseLong(count.group(1));
  }

  static List<Long> ids(Http http, String query) {
    Http.Answer answer = http.get("/api/v1/search/?" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    Matcher id = Pattern.compile("\\{\"id\":(\\d+),").matcher(answer.body());
    return id.results().map(result -> Long.parseLong(result.group(1))).toList();
  }
}
