package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.flotilla.testsupport.FreePorts;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.ScratchDatabase;
import io.flotilla.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Pulling the plug in the middle of writes: clients register accounts and post tweets at once,
 * everything is killed with SIGKILL (no shutdown hook, no flush), started again on the same data
 * the way a person would, and then every write that was answered 2xx is there and search finds
 * exactly the tweets that tweets shows. Once with the launcher (the laptop default, embedded H2);
 * once with users, tweets and search each a process of its own, as Compose or Kubernetes runs them
 * — users on MariaDB and tweets on PostgreSQL when their URLs are given, embedded H2 otherwise —
 * which then goes on through a rolling restart of each and a tweets database reset.
 */
class CrashIT {

  private static final int WRITERS = 4;
  private static final int TWEETS_BEFORE_THE_CRASH = 60;

  @Test
  void theLauncherKilledInTheMiddleOfWritesLosesNothingItAcknowledged() throws Exception {
    Path data = Files.createTempDirectory("crash");
    MicroblogWriters writers;
    try (LaunchedSystem system = LaunchedSystem.start(data)) {
      String gateway = system.gatewayUrl();
      writers = MicroblogWriters.start(gateway, gateway, WRITERS);
      writers.awaitTweets(TWEETS_BEFORE_THE_CRASH, Duration.ofMinutes(3));
      system.kill();
      writers.stop();
    }
    long restart = System.nanoTime();
    try (LaunchedSystem system = LaunchedSystem.start(data)) {
      Duration ready = Duration.ofNanos(System.nanoTime() - restart);
      String gateway = system.gatewayUrl();
      Duration converged = writers.assertSurvived(gateway, gateway, gateway);
      report("launcher on H2", writers, ready, converged);
    }
  }

  /**
   * One run covers both servers (users on MariaDB, tweets on PostgreSQL, or both on the one that is
   * given), and the same processes then serve the restart checks: a run per concern would start
   * three JVMs again for each.
   */
  @Test
  void eachServiceKilledOrRestartedOrResetLosesNothingAndSearchFollows() throws Exception {
    TestServer usersServer = given(TestServer.MARIADB, TestServer.POSTGRES);
    TestServer tweetsServer = given(TestServer.POSTGRES, TestServer.MARIADB);
    try (ServiceProcesses processes = new ServiceProcesses();
        Microblog microblog = new Microblog(processes, usersServer, tweetsServer)) {
      microblog.startAll();
      MicroblogWriters writers =
          MicroblogWriters.start(microblog.url("users"), microblog.url("tweets"), WRITERS);
      writers.awaitTweets(TWEETS_BEFORE_THE_CRASH, Duration.ofMinutes(3));
      microblog.killAll();
      writers.stop();

      long restart = System.nanoTime();
      microblog.startAll();
      Duration ready = Duration.ofNanos(System.nanoTime() - restart);
      Duration converged =
          writers.assertSurvived(
              microblog.url("users"), microblog.url("tweets"), microblog.url("search"));
      report(
          "users on "
              + microblog.usersDatabase()
              + ", tweets on "
              + microblog.tweetsDatabase()
              + ", a process per service",
          writers,
          ready,
          converged);

      String token = microblog.login(writers.accounts.iterator().next());
      searchFollowsTweetsAcrossARestartOfEither(microblog, token);
      searchForgetsEveryTweetOfAResetTweetsDatabase(microblog, token);
    }
  }

  /** A rolling deployment: search, then tweets, stopped and started again on the same data. */
  private static void searchFollowsTweetsAcrossARestartOfEither(Microblog microblog, String token)
      throws Exception {
    long first = microblog.tweet(token, "an aardvark crossed the road");
    assertThat(microblog.searchFor("aardvark", has(first))).contains(idOf(first));

    // Search is stopped; meanwhile a tweet is written and the first one deleted.
    microblog.stop("search");
    long second = microblog.tweet(token, "a bandicoot crossed the road");
    microblog.delete(token, first);
    microblog.start("search");
    assertThat(microblog.searchFor("bandicoot", has(second))).contains(idOf(second));
    assertThat(microblog.searchFor("aardvark", "[]"::equals)).isEqualTo("[]");

    // Tweets is stopped: search keeps answering from its index, then catches up after the restart.
    microblog.stop("tweets");
    assertThat(microblog.searchFor("bandicoot", has(second))).contains(idOf(second));
    microblog.start("tweets");
    long third = microblog.tweet(token, "a capybara crossed the road");
    assertThat(microblog.searchFor("capybara", has(third))).contains(idOf(third));
    assertThat(microblog.searchFor("crossed", has(second).and(has(third))))
        .as("the tweets written before the restart are still there")
        .contains(idOf(second), idOf(third))
        .doesNotContain(idOf(first));
  }

  /** Tweets starts on an empty database, whose ids and change sequence start over. */
  private static void searchForgetsEveryTweetOfAResetTweetsDatabase(
      Microblog microblog, String token) throws Exception {
    // Not the id the new database gives its first tweet, which would replace it in the index.
    microblog.tweet(token, "a wombat waited");
    microblog.tweet(token, "a wombat waited again");
    long old = microblog.tweet(token, "an okapi crossed the river");
    assertThat(microblog.searchFor("okapi", has(old))).contains(idOf(old));

    microblog.stop("tweets");
    microblog.resetTweetsDatabase();
    microblog.start("tweets");
    long fresh = microblog.tweet(token, "a quokka crossed the river");

    assertThat(microblog.searchFor("quokka", has(fresh))).contains(idOf(fresh));
    assertThat(microblog.searchFor("okapi", "[]"::equals))
        .as("no ghost of the old database")
        .isEqualTo("[]");
  }

  private static Predicate<String> has(long id) {
    return body -> body.contains(idOf(id));
  }

  private static String idOf(long id) {
    return "\"id\":" + id + ",";
  }

  /** The first of the two servers whose URL is given, or null (embedded H2). */
  private static TestServer given(TestServer first, TestServer second) {
    return first.url() != null ? first : second.url() != null ? second : null;
  }

  /** Recovery times for the report; measured, never asserted. */
  private static void report(
      String form, MicroblogWriters writers, Duration ready, Duration converged) {
    System.out.printf(
        "crash test (%s): %d accounts and %d tweets acknowledged before kill -9, all present;"
            + " ready again after %.1f s; search agreed %.1f s later%n",
        form,
        writers.accounts.size(),
        writers.tweets.size(),
        ready.toMillis() / 1000.0,
        converged.toMillis() / 1000.0);
  }

  /**
   * Users, tweets and search as three processes, data kept across their restarts: on database
   * servers where given, each on a scratch database; otherwise on embedded H2 in its data
   * directory.
   */
  private static final class Microblog implements AutoCloseable {

    private final ServiceProcesses processes;
    private final TestServer usersServer;
    private final TestServer tweetsServer;
    private final ScratchDatabase users;
    private final ScratchDatabase tweets;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Path> data = new HashMap<>();
    private final Map<String, Process> running = new HashMap<>();

    Microblog(ServiceProcesses processes, TestServer usersServer, TestServer tweetsServer)
        throws Exception {
      this.processes = processes;
      this.usersServer = usersServer;
      this.tweetsServer = tweetsServer;
      this.users = usersServer == null ? null : usersServer.scratchDatabase("crash_users_");
      this.tweets = tweetsServer == null ? null : tweetsServer.scratchDatabase("crash_tweets_");
      for (String service : new String[] {"users", "tweets", "search"}) {
        ports.put(service, FreePorts.next());
        data.put(service, Files.createTempDirectory("crash-" + service));
      }
    }

    String usersDatabase() {
      return usersServer == null ? "H2" : usersServer.toString();
    }

    String tweetsDatabase() {
      return tweetsServer == null ? "H2" : tweetsServer.toString();
    }

    String url(String service) {
      return "http://localhost:" + ports.get(service);
    }

    void startAll() throws Exception {
      for (String service : ports.keySet()) {
        launch(service);
      }
      for (int port : ports.values()) {
        ServiceProcesses.awaitHealth(port);
      }
    }

    void start(String service) throws Exception {
      launch(service);
      ServiceProcesses.awaitHealth(ports.get(service));
    }

    private void launch(String service) throws Exception {
      Map<String, String> env = new HashMap<>();
      String[] args = {};
      switch (service) {
        case "users" -> onServer(env, "USERS", usersServer, users);
        case "tweets" -> {
          onServer(env, "TWEETS", tweetsServer, tweets);
          env.put("USERS_URL", url("users"));
        }
        default -> {
          env.put("TWEETS_URL", url("tweets"));
          // A short long-poll, so that a restarted tweets is found again quickly.
          args =
              new String[] {"--flotilla.search.poll-wait=2s", "--flotilla.search.backoff.max=1s"};
        }
      }
      running.put(
          service, processes.start(service, ports.get(service), data.get(service), env, args));
    }

    private static void onServer(
        Map<String, String> env, String prefix, TestServer server, ScratchDatabase database) {
      if (server != null) {
        env.put("SPRING_PROFILES_ACTIVE", server.profile());
        env.put(prefix + "_DB_URL", database.url());
        env.put(prefix + "_DB_USER", database.user());
      }
    }

    /** SIGTERM, as an orchestrator stops a container during a rolling deployment. */
    void stop(String service) throws InterruptedException {
      ServiceProcesses.stop(running.remove(service));
    }

    /** SIGKILL to each, as a power cut would; fails unless each died of it. */
    void killAll() throws InterruptedException {
      for (Process process : running.values()) {
        ServiceProcesses.kill(process);
      }
      running.clear();
    }

    /** Tweets' database emptied, as a restore from nothing or a new server would leave it. */
    void resetTweetsDatabase() throws Exception {
      if (tweets != null) {
        tweets.reset();
        return;
      }
      Path dir = data.get("tweets");
      try (var files = Files.walk(dir)) {
        files
            .sorted(Comparator.reverseOrder())
            .filter(path -> !path.equals(dir))
            .forEach(path -> path.toFile().delete());
      }
    }

    String login(String username) {
      Http.Answer login =
          http("users")
              .post(
                  "/api/v1/auth/login",
                  "{\"username\":\""
                      + username
                      + "\",\"password\":\""
                      + MicroblogWriters.PASSWORD
                      + "\"}");
      assertThat(login.status()).as(login.body()).isEqualTo(200);
      return JsonPath.read(login.body(), "$.access_token");
    }

    long tweet(String token, String text) {
      Http.Answer posted =
          http("tweets").as(token).post("/api/v1/tweets/", "{\"text\":\"" + text + "\"}");
      assertThat(posted.status()).as(posted.body()).isEqualTo(201);
      return posted.id();
    }

    void delete(String token, long id) {
      assertThat(http("tweets").as(token).delete("/api/v1/tweets/" + id).status()).isEqualTo(204);
    }

    /**
     * The search answer once {@code done} holds (see {@link ServiceProcesses#eventually}): search
     * follows tweets through the change feed, a moment behind by design.
     */
    String searchFor(String keyword, Predicate<String> done) throws Exception {
      return ServiceProcesses.eventually(
          () -> http("search").get("/api/v1/search/?keyword=" + keyword).body(), done);
    }

    private Http http(String service) {
      return Http.port(ports.get(service));
    }

    /** Stops what runs, then drops the scratch databases. */
    @Override
    public void close() throws Exception {
      for (Process process : running.values()) {
        process.destroyForcibly().waitFor();
      }
      if (users != null) {
        users.close();
      }
      if (tweets != null) {
        tweets.close();
      }
    }
  }
}
