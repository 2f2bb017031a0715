package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients of the microblog writing at once over real HTTP, each registering accounts, logging in
 * and posting tweets in a loop, and remembering every write that was answered 2xx: what must
 * survive any crash. A write that failed or got no answer (the system was killed under it) is not
 * remembered; it may or may not have happened. Every tweet carries one word, {@link #marker},
 * unique to the run, so that search can be asked for exactly these tweets.
 */
final class MicroblogWriters {

  static final String PASSWORD = "crash test password";

  final String marker = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  final Set<String> accounts = ConcurrentHashMap.newKeySet();
  final Map<Long, String> tweets = new ConcurrentHashMap<>();
  private final String usersUrl;
  private final String tweetsUrl;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  private MicroblogWriters(String usersUrl, String tweetsUrl) {
    this.usersUrl = usersUrl;
    this.tweetsUrl = tweetsUrl;
  }

  /** {@code count} writers, started at once. */
  static MicroblogWriters start(String usersUrl, String tweetsUrl, int count) {
    MicroblogWriters writers = new MicroblogWriters(usersUrl, tweetsUrl);
    for (int w = 0; w < count; w++) {
      int writer = w;
      writers.writers.add(Thread.ofPlatform().daemon().start(() -> writers.write(writer)));
    }
    return writers;
  }

  /** Until at least this many tweets have been acknowledged, at most {@code bound}. */
  void awaitTweets(int count, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (tweets.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(tweets.size())
        .as("tweets acknowledged before the crash")
        .isGreaterThanOrEqualTo(count);
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread writer : writers) {
      writer.join(Duration.ofMinutes(1));
    }
  }

  private void write(int writer) {
    for (int n = 0; running; n++) {
      String username = marker + "_" + writer + "_" + n;
      try {
        HttpResponse<String> registered =
            post(
                usersUrl + "/api/v1/users",
                null,
                "{\"username\":\""
                    + username
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"email\":\""
                    + username
                    + "@example.org\",\"first_name\":\"Crash\",\"last_name\":\"Test\"}");
        if (registered.statusCode() != 201) {
          continue;
        }
        accounts.add(username);
        HttpResponse<String> login =
            post(
                usersUrl + "/api/v1/auth/login",
                null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (login.statusCode() != 200) {
          continue;
        }
        String token = JsonPath.read(login.body(), "$.access_token");
        for (int t = 0; t < 10 && running; t++) {
          String text = marker + " from " + username + " number " + t;
          HttpResponse<String> posted =
              post(tweetsUrl + "/api/v1/tweets/", token, "{\"text\":\"" + text + "\"}");
          if (posted.statusCode() == 201) {
            tweets.put(((Number) JsonPath.read(posted.body(), "$.id")).longValue(), text);
          }
        }
      } catch (IOException down) {
        pause(); // killed, or not up yet: nothing acknowledged
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpResponse<String> post(String url, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return ServiceProcesses.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Checks, after the crash and a restart, that every acknowledged write is there, and that search
   * comes to answer exactly the run's tweets that tweets shows (asking again until it does, up to a
   * generous bound). Answers how long search took to agree, for the report (not asserted).
   */
  Duration assertSurvived(String usersUrl, String tweetsUrl, String searchUrl) throws Exception {
    for (String username : accounts) {
      assertThat(get(usersUrl + "/api/v1/users/" + username).statusCode())
          .as("acknowledged registration of %s", username)
          .isEqualTo(200);
    }
    for (Map.Entry<Long, String> tweet : tweets.entrySet()) {
      HttpResponse<String> answer = get(tweetsUrl + "/api/v1/tweets/" + tweet.getKey());
      assertThat(answer.statusCode()).as("acknowledged tweet %s", tweet.getKey()).isEqualTo(200);
      assertThat((String) JsonPath.read(answer.body(), "$.text")).isEqualTo(tweet.getValue());
    }
    Set<Long> visible = visible(tweetsUrl);
    assertThat(visible).containsAll(tweets.keySet());

    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(3).toNanos();
    Set<Long> found = found(searchUrl);
    while (!found.equals(visible) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      found = found(searchUrl);
    }
    Duration converged = Duration.ofNanos(System.nanoTime() - start);
    assertThat(found).as("search finds exactly the visible tweets").isEqualTo(visible);
    return converged;
  }

  /** The run's tweets on the public timeline. */
  private Set<Long> visible(String tweetsUrl) throws Exception {
    Set<Long> ids = new HashSet<>();
    for (int page = 0; ; page++) {
      String body = get(tweetsUrl + "/api/v1/tweets/?size=100&page=" + page).body();
      List<Map<String, Object>> rows = JsonPath.read(body, "$[*]");
      if (rows.isEmpty()) {
        return ids;
      }
      for (Map<String, Object> row : rows) {
        if (((String) row.get("text")).startsWith(marker + " ")) {
          ids.add(((Number) row.get("id")).longValue());
        }
      }
    }
  }

  /** What search answers for the run's word, every page; each tweet once. */
  private Set<Long> found(String searchUrl) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> answer =
          get(searchUrl + "/api/v1/search/?keyword=" + marker + "&size=100&page=" + page);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      List<Number> rows = JsonPath.read(answer.body(), "$[*].id");
      if (rows.isEmpty()) {
        assertThat(ids).as("search answers each tweet once").doesNotHaveDuplicates();
        return new HashSet<>(ids);
      }
      rows.forEach(id -> ids.add(id.longValue()));
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return ServiceProcesses.http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
