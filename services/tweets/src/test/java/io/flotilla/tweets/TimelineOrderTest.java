package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each timeline's order, with the filter it goes with, reads its page in index order and stops
 * there (H2's own account of the rows it read), so a page costs the same at any number of tweets.
 * Without the fixed columns leading the order, H2 read and sorted every public tweet.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tweets-order;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class TimelineOrderTest {

  private static final Pattern SCANNED = Pattern.compile("scanCount: (\\d+)");

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void manyTweetsOfOneUser() {
    jdbc.sql("DELETE FROM tweets").update();
    jdbc.sql(
            "INSERT INTO tweets (username, text, private, created, updated)"
                + " SELECT 'busy', 'a tweet', FALSE,"
                + " DATEADD('SECOND', X, TIMESTAMP '2026-01-01 00:00:00'), TIMESTAMP '2026-01-01'"
                + " FROM SYSTEM_RANGE(1, 500)")
        .update();
  }

  @Test
  void thePublicTimeline() {
    assertReadsOnlyItsPage(
        "WHERE t.private = FALSE" + TweetRepository.PUBLIC_NEWEST_FIRST, "the public timeline");
  }

  @Test
  void aUsersTweetsAsOthersSeeThem() {
    assertReadsOnlyItsPage(
        "WHERE t.username = 'quiet' AND t.private = FALSE"
            + TweetRepository.USERS_PUBLIC_NEWEST_FIRST,
        "a user with no tweets, as others see them");
    assertReadsOnlyItsPage(
        "WHERE t.username = 'busy' AND t.private = FALSE"
            + TweetRepository.USERS_PUBLIC_NEWEST_FIRST,
        "a busy user, as others see them");
  }

  @Test
  void aUsersTweetsAsTheUserSeesThem() {
    assertReadsOnlyItsPage(
        "WHERE t.username = 'busy'"
            + " AND (t.private = FALSE OR t.account_id IS NULL OR t.account_id = 'a')"
            + TweetRepository.USERS_NEWEST_FIRST,
        "a busy user's own view");
  }

  private void assertReadsOnlyItsPage(String query, String what) {
    String plan =
        jdbc.sql("EXPLAIN ANALYZE SELECT t.id FROM tweets t " + query + " LIMIT 21")
            .query(String.class)
            .single();
    Matcher scanned = SCANNED.matcher(plan);
    assertThat(scanned.find()).as("%s: a scan count in%n%s", what, plan).isTrue();
    assertThat(Integer.parseInt(scanned.group(1)))
        .as("%s: rows read for a page of 21 in%n%s", what, plan)
        .isLessThanOrEqualTo(22);
    assertThat(plan).as(what).contains("index sorted");
  }
}
