package io.flotilla.search;

import static io.flotilla.testsupport.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Search over real HTTP, fed over real HTTP by the stand-in feed. The demo tweets (ids 1-4) are
 * published before the service starts; every other test publishes tweets of its own, with words and
 * tags no other test uses, and waits until the index shows what it published.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "flotilla.service-credentials.secret=" + StandInFeed.SECRET)
class SearchTest {

  static final StandInFeed feed = new StandInFeed();
  static final Path indexDir = tempDir();
  static final AtomicLong ids = new AtomicLong(100);

  static {
    feed.created(1, "karina", "my stomatch hurts", "general", 1L);
    feed.created(2, "bob", "bts slays", "world news", 4L);
    feed.created(3, "karina", "riri give us the album", "health", 2L);
    feed.created(4, "gina", "#slalom4lyfe", null, null);
  }

  @DynamicPropertySource
  static void feed(DynamicPropertyRegistry properties) {
    properties.add("flotilla.search.tweets-url", feed::url);
    properties.add("flotilla.search.index-dir", indexDir::toString);
  }

  @AfterAll
  static void stopFeed() {
    feed.close();
  }

  @LocalServerPort int port;

  Http search;

  @BeforeEach
  void connect() {
    search = Http.port(port);
    // The demo tweets are in before any test looks.
    Eventually.until(() -> search.get("/api/v1/search/?keyword=slalom4lyfe"), this::found);
  }

  @Test
  void aResultIsTheTweetJsonOfTheContract() {
    Http.Answer answer = search.get("/api/v1/search/?keyword=stomatch");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    assertThat(answer.body())
        .isEqualTo(
            "[{\"id\":1,\"username\":\"karina\",\"text\":\"my stomatch hurts\",\"private\":false,"
                + "\"tag\":\"general\",\"created\":\"2026-11-23T10:01:00Z\"}]");
  }

  @Test
  void aTweetWithoutTagHasANullTagAndItsHashtagIsFindableWithOrWithoutTheHash() {
    String gina =
        "[{\"id\":4,\"username\":\"gina\",\"text\":\"#slalom4lyfe\",\"private\":false,"
            + "\"tag\":null,\"created\":\"2026-11-23T10:04:00Z\"}]";

    assertThat(search.get("/api/v1/search/?keyword=%23slalom4lyfe").body()).isEqualTo(gina);
    assertThat(search.get("/api/v1/search/?keyword=slalom4lyfe").body()).isEqualTo(gina);
  }

  @Test
  void theUrlWithoutTheTrailingSlashAnswersTheSame() {
    assertThat(search.get("/api/v1/search?keyword=stomatch").body())
        .isEqualTo(search.get("/api/v1/search/?keyword=stomatch").body());
  }

  @Test
  void wordStemsMatchEachOther() {
    long running = publish("I was running late again");
    long run = publish("the morning run is done");

    assertThat(ids("keyword=run")).containsExactlyInAnyOrder(running, run);
    assertThat(ids("keyword=running")).containsExactlyInAnyOrder(running, run);
    assertThat(ids("keyword=runs")).containsExactlyInAnyOrder(running, run);
  }

  @Test
  void caseDoesNotMatter() {
    long id = publish("Kayaking On The FJORD");

    assertThat(ids("keyword=fjord")).containsExactly(id);
    assertThat(ids("keyword=KAYAKING")).containsExactly(id);
    assertThat(ids("keyword=bTs")).containsExactly(2L);
  }

  @Test
  void anyWordMatchesAndATweetMatchingMoreWordsComesFirst() {
    long both = publish("quokka smiles at the camera");
    long quokka = publish("a quokka on the island");
    long smiles = publish("smiles all around");

    List<Long> found = ids("keyword=" + encode("quokka smiles"));

    assertThat(found).hasSize(3).first().isEqualTo(both);
    assertThat(found).containsExactlyInAnyOrder(both, quokka, smiles);
  }

  @Test
  void aRarerWordCountsMoreThanACommonOne() {
    long rare = publish("blue ocelot");
    publish("blue sky");
    publish("blue sea");
    long blue = publish("blue moon");

    // "ocelot" is in one tweet, "blue" in four: the ocelot tweet ranks first, then the newest.
    assertThat(ids("keyword=" + encode("blue ocelot")).subList(0, 2)).containsExactly(rare, blue);
  }

  @Test
  void equallyGoodMatchesComeNewestFirst() {
    long older = ids.incrementAndGet();
    long newer = ids.incrementAndGet();
    // The newer tweet has the smaller id: the order is by creation time, not id.
    feed.created(newer, "identical llama", Instant.parse("2026-11-24T09:00:00Z"));
    feed.created(older, "identical llama", Instant.parse("2026-11-24T08:00:00Z"));
    awaitFound("keyword=llama", older);

    assertThat(ids("keyword=llama")).containsExactly(newer, older);
  }

  @Test
  void aTagFiltersByNameInAnyCaseOrById() {
    assertThat(ids("tag=" + encode("World News"))).containsExactly(2L);
    assertThat(ids("tag=" + encode("world news"))).containsExactly(2L);
    assertThat(ids("tag=4")).containsExactly(2L);
    assertThat(ids("tag=2")).containsExactly(3L);
    assertThat(ids("tag=no-such-tag")).isEmpty();
    assertThat(ids("tag=999")).isEmpty();
  }

  @Test
  void keywordAndTagMustBothMatch() {
    assertThat(ids("keyword=album&tag=health")).containsExactly(3L);
    assertThat(ids("keyword=album&tag=2")).containsExactly(3L);
    assertThat(ids("keyword=album&tag=general")).isEmpty();
  }

  @Test
  void aTagAloneListsItsTweetsNewestFirstInPages() {
    long[] beauty = new long[5];
    for (int i = 0; i < beauty.length; i++) {
      beauty[i] = ids.incrementAndGet();
      feed.created(beauty[i], "simon", "look number " + i, "beauty", 7L);
    }
    awaitFound("tag=beauty", beauty[4]);
    Eventually.until(() -> ids("tag=beauty"), found -> found.size() == 5);

    assertThat(ids("tag=beauty"))
        .containsExactly(beauty[4], beauty[3], beauty[2], beauty[1], beauty[0]);
    assertThat(ids("tag=beauty&size=2")).containsExactly(beauty[4], beauty[3]);
    assertThat(ids("tag=beauty&size=2&page=1")).containsExactly(beauty[2], beauty[1]);
    assertThat(ids("tag=beauty&size=2&page=2")).containsExactly(beauty[0]);
    assertThat(ids("tag=beauty&size=2&page=3")).isEmpty();
    assertThat(ids("tag=7&page=0&size=100")).hasSize(5);
  }

  @Test
  void withoutKeywordOrTagTheAnswerSaysWhichParametersAreAccepted() {
    String problem =
        "{\"detail\":\"Give a keyword, a tag or both, e.g. ?keyword=running or ?tag=music or"
            + " ?tag=5&keyword=album (parameters: keyword, tag, page, size).\","
            + "\"instance\":\"/api/v1/search/\",\"status\":400,\"title\":\"Bad Request\"}";

    for (String query : List.of("", "?keyword=", "?keyword=%20%20&tag=", "?page=1")) {
      Http.Answer answer = search.get("/api/v1/search/" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(answer.body()).as(query).isEqualTo(problem);
    }
  }

  @Test
  void aKeywordLongerThan200CharactersIsRejected() {
    assertThat(search.get("/api/v1/search/?keyword=" + "a".repeat(200)).status()).isEqualTo(200);

    Http.Answer answer = search.get("/api/v1/search/?keyword=" + "a".repeat(201));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("\"detail\":\"keyword must be at most 200 characters, got 201.\"");
  }

  @Test
  void aKeywordOrTagWithControlCharactersIsRejected() {
    assertThat(search.get("/api/v1/search/?keyword=a%00b"))
        .isEqualTo(
            Http.Answer.invalid(
                "/api/v1/search/", "keyword", "must not contain control characters"));
    assertThat(search.get("/api/v1/search/?keyword=a%0D%0Ab").status()).isEqualTo(400);
    assertThat(search.get("/api/v1/search/?tag=%1B%5B31m"))
        .isEqualTo(
            Http.Answer.invalid("/api/v1/search/", "tag", "must not contain control characters"));
    // Tabs and line breaks between words are control characters too: a search box sends none.
    assertThat(search.get("/api/v1/search/?keyword=a%09b").status()).isEqualTo(400);
  }

  @Test
  void pageAndSizeOutOfRangeAreRejectedWithTheirRange() {
    assertThat(detail("keyword=bts&page=-1"))
        .isEqualTo("page must be an integer from 0 to 9999, got \\\"-1\\\".");
    assertThat(detail("keyword=bts&page=abc"))
        .isEqualTo("page must be an integer, got \\\"abc\\\".");
    assertThat(detail("keyword=bts&size=0"))
        .isEqualTo("size must be an integer from 1 to 100, got \\\"0\\\".");
    assertThat(detail("keyword=bts&size=101"))
        .isEqualTo("size must be an integer from 1 to 100, got \\\"101\\\".");
    assertThat(detail("keyword=bts&page=100&size=100"))
        .isEqualTo(
            "page and size reach the first 10000 results at most: (page + 1) * size must be at"
                + " most 10000, got page=100 size=100.");
    assertThat(search.get("/api/v1/search/?keyword=bts&page=99&size=100").status()).isEqualTo(200);
  }

  @Test
  void aBrowserGetsA406ProblemNotAnHtmlPage() {
    Http.Answer answer = search.send("GET", "/api/v1/search/?keyword=bts", null, "text/html");
    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void queryLanguageCharactersAreJustCharacters() {
    long id = publish("walrus tusks");
    for (String keyword :
        List.of(
            "\"",
            "*",
            ":",
            "(",
            ")",
            "AND",
            "OR NOT",
            "\\",
            "~",
            "[",
            "{",
            "^",
            "?",
            "!",
            "/",
            "text:walrus AND (tusks*",
            "\"walrus",
            "walrus~2",
            "+walrus -tusks")) {
      Http.Answer answer = search.get("/api/v1/search/?keyword=" + encode(keyword));
      assertThat(answer.status()).as(keyword).isEqualTo(200);
      assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    }
    assertThat(ids("keyword=" + encode("text:walrus AND (tusks*"))).containsExactly(id);
    assertThat(ids("keyword=" + encode("AND"))).isEmpty();
  }

  @Test
  void privateTweetsAreNeverFound() {
    long secret = ids.incrementAndGet();
    feed.createdPrivate(secret, "karina", "secret narwhal plans");
    long marker = publish("narwhal public marker");
    // The private tweet came first in the feed: once the marker is in, the private one was seen.

    assertThat(ids("keyword=narwhal")).containsExactly(marker);
  }

  @Test
  void aTweetMadePrivateDisappearsAndOneMadePublicAppears() {
    long id = publish("pangolin scales");
    feed.updated(id, "karina", "pangolin scales", true, null, null);
    awaitFound("keyword=pangolin", new long[0]);

    long hidden = ids.incrementAndGet();
    feed.createdPrivate(hidden, "bob", "armadillo shell");
    feed.updated(hidden, "bob", "armadillo shell", false, "general", 1L);
    awaitFound("keyword=armadillo", hidden);
  }

  @Test
  void aDeletedTweetIsNoLongerFound() {
    long id = publish("tapir snout");
    feed.deleted(id);

    awaitFound("keyword=tapir", new long[0]);
  }

  @Test
  void anEditChangesWhatMatches() {
    long id = publish("original wombat");
    feed.updated(id, "karina", "edited platypus", false, "music", 5L);

    awaitFound("keyword=platypus", id);
    assertThat(ids("keyword=wombat")).isEmpty();
    assertThat(search.get("/api/v1/search/?keyword=platypus").body())
        .isEqualTo(
            "[{\"id\":"
                + id
                + ",\"username\":\"karina\",\"text\":\"edited platypus\",\"private\":false,"
                + "\"tag\":\"music\",\"created\":\""
                + StandInFeed.createdOf(id)
                + "\"}]");
  }

  @Test
  void theFeedStateAndTheIndexAreVisibleToOperators() {
    publish("operator heron");
    search.get("/api/v1/search/?keyword=heron");

    assertThat(search.get("/actuator/info").body())
        .contains("\"feed\":{\"url\":\"" + feed.url() + "/internal/v1/changes\"")
        .contains("\"state\":\"following\"");
    assertThat(search.get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(search.get("/actuator/prometheus").body())
        .contains("search_index_documents{")
        .contains("search_index_lag_seconds{")
        .contains("search_feed_cursor{")
        .containsPattern("search_feed_batches_total\\{[^}]*outcome=\"applied\"")
        .containsPattern("search_queries_seconds_count\\{[^}]*kind=\"keyword\"");
    // Timed once the batch is searchable, a moment after a search may find it.
    Pattern timed = Pattern.compile("search_index_visibility_seconds_count\\{[^}]*} [1-9]");
    String metrics =
        Eventually.until(
            () -> search.get("/actuator/prometheus").body(), body -> timed.matcher(body).find());
    assertThat(metrics)
        .containsPattern("search_index_visibility_seconds_bucket\\{[^}]*le=\"0\\.25\"");
  }

  @Test
  void theApiIsDescribedForSwaggerUi() {
    Http.Answer docs = search.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    // One entry for the path with and without the slash (the platform lists the one without).
    assertThat(docs.body()).contains("\"/api/v1/search\"").contains("\"keyword\"");
  }

  /** Publishes a public tweet without tag and waits until search finds it; answers its id. */
  long publish(String text) {
    long id = ids.incrementAndGet();
    feed.created(id, "karina", text, null, null);
    awaitFound("keyword=" + encode(text.split(" ")[text.split(" ").length - 1]), id);
    return id;
  }

  /** Waits until the search finds these ids, or nothing when none are given. */
  void awaitFound(String query, long... expected) {
    Eventually.until(
        () -> ids(query),
        found ->
            expected.length == 0
                ? found.isEmpty()
                : found.containsAll(java.util.Arrays.stream(expected).boxed().toList()));
  }

  List<Long> ids(String query) {
    Http.Answer answer = search.get("/api/v1/search/?" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    Matcher id = Pattern.compile("\\{\"id\":(\\d+),").matcher(answer.body());
    return id.results().map(result -> Long.parseLong(result.group(1))).toList();
  }

  String detail(String query) {
    Http.Answer answer = search.get("/api/v1/search/?" + query);
    assertThat(answer.status()).as(query).isEqualTo(400);
    Matcher detail =
        Pattern.compile("\"detail\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(answer.body());
    assertThat(detail.find()).as(answer.body()).isTrue();
    return detail.group(1);
  }

  boolean found(Http.Answer answer) {
    return answer.status() == 200 && answer.body().startsWith("[{");
  }

  static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("search-test");
      dir.toFile().deleteOnExit();
      return dir.resolve("index");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
