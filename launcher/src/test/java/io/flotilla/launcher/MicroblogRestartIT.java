package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.flotilla.testsupport.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users, tweets and search as three processes, each with its own data: search stays consistent with
 * tweets when either of them is stopped and started again on the same data, as in a rolling
 * deployment, and forgets the old tweets when tweets starts on a new database. Search follows
 * tweets through the change feed, so each check waits for it (15 s at most) rather than expecting
 * it at once.
 */
class MicroblogRestartIT {

  private static final ServiceProcesses processes = new ServiceProcesses();
  private static int usersPort;
  private static int tweetsPort;
  private static int searchPort;
  private static Path tweetsData;
  private static Path searchData;
  private static Process tweets;
  private static Process search;
  private static String token;

  @BeforeAll
  static void startTheMicroblog() throws Exception {
    usersPort = FreePorts.next();
    tweetsPort = FreePorts.next();
    searchPort = FreePorts.next();
    tweetsData = Files.createTempDirectory("tweets");
    searchData = Files.createTempDirectory("search");
    processes.start("users", usersPort, Files.createTempDirectory("users"), Map.of());
    tweets = startTweets();
    search = startSearch();
    for (int port : new int[] {usersPort, tweetsPort, searchPort}) {
      ServiceProcesses.awaitHealth(port);
    }
    // The laptop default's demo user.
    HttpResponse<String> login =
        send(
            post(usersPort, "/api/v1/auth/login")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"karina\",\"password\":\"flotilla-demo\"}")));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    token = JsonPath.read(login.body(), "$.access_token");
  }

  @AfterAll
  static void stopEverything() {
    processes.close();
  }

  @Test
  void searchFollowsTweetsAcrossARestartOfEither() throws Exception {
    long first = tweet("an aardvark crossed the road");
    assertThat(searchFor("aardvark", body -> body.contains(idOf(first)))).contains(idOf(first));

    // Search is stopped; meanwhile a tweet is written and the first one deleted.
    ServiceProcesses.stop(search);
    long second = tweet("a bandicoot crossed the road");
    delete(first);
    search = startSearch();
    ServiceProcesses.awaitHealth(searchPort);

    assertThat(searchFor("bandicoot", body -> body.contains(idOf(second)))).contains(idOf(second));
    assertThat(searchFor("aardvark", "[]"::equals)).isEqualTo("[]");

    // Tweets is stopped: search keeps answering from its index, then catches up after the restart.
    ServiceProcesses.stop(tweets);
    assertThat(searchFor("bandicoot", body -> body.contains(idOf(second)))).contains(idOf(second));
    tweets = startTweets();
    ServiceProcesses.awaitHealth(tweetsPort);
    long third = tweet("a capybara crossed the road");

    assertThat(searchFor("capybara", body -> body.contains(idOf(third)))).contains(idOf(third));
    assertThat(
            searchFor("crossed", body -> body.contains(idOf(second)) && body.contains(idOf(third))))
        .as("the tweets written before the restart are still there")
        .contains(idOf(second), idOf(third))
        .doesNotContain(idOf(first));
  }

  @Test
  void searchForgetsEveryTweetOfADeletedTweetsDatabase() throws Exception {
    // Not the id the new database gives its first tweet, which would replace it in the index.
    tweet("a wombat waited");
    tweet("a wombat waited again");
    long old = tweet("an okapi crossed the river");
    assertThat(searchFor("okapi", body -> body.contains(idOf(old)))).contains(idOf(old));

    // The tweets database is deleted: tweets starts on a new one, whose ids and seqs start over.
    ServiceProcesses.stop(tweets);
    try (var files = Files.walk(tweetsData)) {
      files
          .sorted(Comparator.reverseOrder())
          .filter(path -> !path.equals(tweetsData))
          .forEach(path -> path.toFile().delete());
    }
    tweets = startTweets();
    ServiceProcesses.awaitHealth(tweetsPort);
    long fresh = tweet("a quokka crossed the river");

    assertThat(searchFor("quokka", body -> body.contains(idOf(fresh)))).contains(idOf(fresh));
    assertThat(searchFor("okapi", "[]"::equals)).as("no ghost of the old database").isEqualTo("[]");
  }

  private static Process startTweets() throws Exception {
    return processes.start(
        "tweets", tweetsPort, tweetsData, Map.of("USERS_URL", "http://localhost:" + usersPort));
  }

  private static Process startSearch() throws Exception {
    return processes.start(
        "search",
        searchPort,
        searchData,
        Map.of("TWEETS_URL", "http://localhost:" + tweetsPort),
        // A short long-poll, so that a restarted tweets is found again quickly.
        "--flotilla.search.poll-wait=2s",
        "--flotilla.search.backoff.max=1s");
  }

  private static long tweet(String text) throws Exception {
    HttpResponse<String> posted =
        send(
            post(tweetsPort, "/api/v1/tweets/")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    return ((Number) JsonPath.read(posted.body(), "$.id")).longValue();
  }

  private static void delete(long id) throws Exception {
    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(uri(tweetsPort, "/api/v1/tweets/" + id))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(deleted.statusCode()).isEqualTo(204);
  }

  /** The search answer once {@code done} holds (see {@link ServiceProcesses#eventually}). */
  private static String searchFor(String keyword, Predicate<String> done) throws Exception {
    return ServiceProcesses.eventually(
        () -> get(searchPort, "/api/v1/search/?keyword=" + keyword), done);
  }

  private static String idOf(long id) {
    return "\"id\":" + id + ",";
  }

  private static String get(int port, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(port, path))).body();
  }

  private static HttpRequest.Builder post(int port, String path) {
    return HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json");
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return ServiceProcesses.http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
