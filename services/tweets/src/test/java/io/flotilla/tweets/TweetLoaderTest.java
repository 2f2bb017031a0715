package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /internal/v1/generated-tweets}, on a database of its own. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:tweets-loader;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class TweetLoaderTest extends ApiTest {

  static final String LOADER = "/internal/v1/generated-tweets";

  private static final Pattern TWEET =
      Pattern.compile(
          "\"type\":\"created\",\"tweetId\":(\\d+),\"tweet\":\\{\"id\":\\d+,"
              + "\"username\":\"(gen_[1-7])\",\"text\":\"([^\"]+)\",\"private\":(true|false),");

  @Test
  void writesTheTweetsInBatchesAndTheFeedCarriesEachOne() {
    long after = head();

    Http.Answer loaded = search().post(LOADER, "{\"count\":2500,\"users\":7}");

    assertThat(loaded.status()).isEqualTo(200);
    assertThat(loaded.body())
        .matches("\\{\"created\":2500,\"public\":\\d+,\"firstId\":\\d+,\"lastId\":\\d+}");
    var ids = new HashSet<Long>();
    var users = new HashSet<String>();
    int publicCount = 0;
    while (ids.size() < 2500) {
      String page = search().get("/internal/v1/changes?limit=1000&after=" + after).body();
      assertThat(ChangeFeedTest.seqs(page)).isNotEmpty();
      Matcher change = TWEET.matcher(page);
      while (change.find()) {
        assertThat(ids.add(Long.parseLong(change.group(1)))).isTrue();
        users.add(change.group(2));
        assertThat(change.group(3).codePointCount(0, change.group(3).length()))
            .isBetween(1, TweetBodies.MAX_TEXT);
        publicCount += change.group(4).equals("false") ? 1 : 0;
      }
      after = ChangeFeedTest.last(page);
    }
    assertThat(ids).hasSize(2500);
    assertThat(users).hasSize(7);
    assertThat(loaded.body()).contains("\"public\":" + publicCount + ",");
    // Realistic: some private, most public, mentions, hashtags and links.
    assertThat(publicCount).isBetween(2000, 2499);
    String timeline = anonymous().get("/api/v1/tweets/?size=100").body();
    assertThat(timeline).contains("@gen_", "#", "https://example.com/");
  }

  /** More than one round of numbering: read after the load, in rounds, still in order. */
  @Test
  void aLoadNoOneReadMeanwhileIsNumberedInRoundsInOrder() {
    long after = head();
    search().post(LOADER, "{\"count\":10000}");
    search().post(LOADER, "{\"count\":5000}");

    var seqs = new ArrayList<Long>();
    var ids = new ArrayList<Long>();
    while (ids.size() < 15_000) {
      String page = search().get("/internal/v1/changes?limit=1000&after=" + after).body();
      seqs.addAll(ChangeFeedTest.seqs(page));
      Matcher id = Pattern.compile("\"tweetId\":(\\d+),").matcher(page);
      while (id.find()) {
        ids.add(Long.parseLong(id.group(1)));
      }
      after = ChangeFeedTest.last(page);
    }
    assertThat(ChangeLog.MAX_NUMBERED).isLessThan(15_000);
    assertThat(seqs).hasSize(15_000).isSorted().doesNotHaveDuplicates();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(search().get("/internal/v1/changes?after=" + after).body())
        .contains("\"changes\":[]");
  }

  @Test
  void theGeneratedUsersHaveTimelinesAndTheirTweetsStayTheirs() {
    search().post(LOADER, "{\"count\":200,\"users\":3}");

    String timeline = anonymous().get("/api/v1/tweets/gen_2?size=100").body();
    List<String> names = usernames(timeline);
    assertThat(names).isNotEmpty().containsOnly("gen_2");
    long id = Long.parseLong(timeline.replaceFirst("^\\[\\{\"id\":(\\d+),.*", "$1"));
    // A real account that registered the same username is another author.
    assertThat(as("gen_2").delete("/api/v1/tweets/" + id).status()).isEqualTo(403);
  }

  @Test
  void onlyAServiceTokenForTweetsMayLoad() {
    String body = "{\"count\":1}";
    String invalid = "The service token is invalid, has expired, or is for another service.";

    assertThat(anonymous().post(LOADER, body).status()).isEqualTo(401);
    assertThat(as("alice").post(LOADER, body))
        .isEqualTo(Http.Answer.problem(401, "Unauthorized", invalid, LOADER));
    assertThat(http(port).as(serviceToken("search", "hardware")).post(LOADER, body).status())
        .isEqualTo(401);
  }

  @Test
  void countsAndUsersOutOfRangeAreBadRequests() {
    String count = "must be an integer from 1 to 10000, got ";
    String users = "must be an integer from 1 to 1000000, got ";
    assertThat(search().post(LOADER, "{\"count\":0}"))
        .isEqualTo(Http.Answer.invalid(LOADER, "count", count + "0"));
    assertThat(search().post(LOADER, "{\"count\":10001}"))
        .isEqualTo(Http.Answer.invalid(LOADER, "count", count + "10001"));
    assertThat(search().post(LOADER, "{\"count\":5,\"users\":0}"))
        .isEqualTo(Http.Answer.invalid(LOADER, "users", users + "0"));
    assertThat(search().post(LOADER, "{}"))
        .isEqualTo(Http.Answer.invalid(LOADER, "count", "is required: 1 to 10000"));
    for (String bad : List.of("{\"count\":\"many\"}", "{\"count\":5,\"seed\":1}", "[]", "")) {
      Http.Answer answer = search().post(LOADER, bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).as(bad).isEqualTo("application/problem+json");
    }
  }

  /** The feed's newest seq: where a test's own changes start. */
  private long head() {
    Matcher head =
        Pattern.compile("\"head\":(\\d+)}$").matcher(search().get("/internal/v1/changes").body());
    assertThat(head.find()).isTrue();
    return Long.parseLong(head.group(1));
  }

  private static List<String> usernames(String body) {
    Matcher matcher = Pattern.compile("\"username\":\"([^\"]+)\"").matcher(body);
    var names = new ArrayList<String>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
