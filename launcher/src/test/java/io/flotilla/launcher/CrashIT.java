package io.flotilla.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.testsupport.FreePorts;
import io.flotilla.testsupport.ScratchDatabase;
import io.flotilla.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pulling the plug in the middle of writes: clients register accounts and post tweets at once,
 * everything is killed with SIGKILL (no shutdown hook, no flush), started again on the same data
 * the way a person would, and then every write that was answered 2xx is there and search finds
 * exactly the tweets that tweets shows. On the laptop default (the launcher, embedded H2) always;
 * with users, tweets and search each a process of its own, as Compose or Kubernetes runs them, on
 * PostgreSQL and MariaDB when their URLs are given.
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
   * One run covers both servers: users on MariaDB and tweets on PostgreSQL (both on the one that is
   * given when only one is), which halves the build's time against a run per server.
   */
  @Test
  void eachServiceKilledInTheMiddleOfWritesLosesNothingItAcknowledged() throws Exception {
    TestServer usersServer = given(TestServer.MARIADB, TestServer.POSTGRES);
    TestServer tweetsServer = given(TestServer.POSTGRES, TestServer.MARIADB);
    assumeTrue(usersServer != null, "neither a PostgreSQL nor a MariaDB URL is given");
    try (ScratchDatabase users = usersServer.scratchDatabase("crash_users_");
        ScratchDatabase tweets = tweetsServer.scratchDatabase("crash_tweets_");
        ServiceProcesses processes = new ServiceProcesses()) {
      Microblog microblog = new Microblog(processes, usersServer, users, tweetsServer, tweets);
      microblog.start();
      MicroblogWriters writers =
          MicroblogWriters.start(microblog.url("users"), microblog.url("tweets"), WRITERS);
      writers.awaitTweets(TWEETS_BEFORE_THE_CRASH, Duration.ofMinutes(3));
      microblog.kill();
      writers.stop();

      long restart = System.nanoTime();
      microblog.start();
      Duration ready = Duration.ofNanos(System.nanoTime() - restart);
      Duration converged =
          writers.assertSurvived(
              microblog.url("users"), microblog.url("tweets"), microblog.url("search"));
      report(
          "users on " + usersServer + ", tweets on " + tweetsServer + ", a process per service",
          writers,
          ready,
          converged);
    }
  }

  /** The first of the two servers whose URL is given, or null. */
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

  /** Users, tweets and search as three processes on database servers, data kept across runs. */
  private static final class Microblog {

    private final ServiceProcesses processes;
    private final TestServer usersServer;
    private final ScratchDatabase users;
    private final TestServer tweetsServer;
    private final ScratchDatabase tweets;
    private final Map<String, Integer> ports;
    private final Path data;
    private List<Process> running = List.of();

    Microblog(
        ServiceProcesses processes,
        TestServer usersServer,
        ScratchDatabase users,
        TestServer tweetsServer,
        ScratchDatabase tweets)
        throws Exception {
      this.processes = processes;
      this.usersServer = usersServer;
      this.users = users;
      this.tweetsServer = tweetsServer;
      this.tweets = tweets;
      this.ports =
          Map.of(
              "users", FreePorts.next(),
              "tweets", FreePorts.next(),
              "search", FreePorts.next());
      this.data = Files.createTempDirectory("crash");
    }

    String url(String service) {
      return "http://localhost:" + ports.get(service);
    }

    void start() throws Exception {
      Process usersProcess =
          processes.start(
              "users",
              ports.get("users"),
              data,
              Map.of(
                  "SPRING_PROFILES_ACTIVE", usersServer.profile(),
                  "USERS_DB_URL", users.url(),
                  "USERS_DB_USER", users.user()));
      Process tweetsProcess =
          processes.start(
              "tweets",
              ports.get("tweets"),
              data,
              Map.of(
                  "SPRING_PROFILES_ACTIVE", tweetsServer.profile(),
                  "TWEETS_DB_URL", tweets.url(),
                  "TWEETS_DB_USER", tweets.user(),
                  "USERS_URL", url("users")));
      Process searchProcess =
          processes.start(
              "search",
              ports.get("search"),
              data,
              Map.of("TWEETS_URL", url("tweets")),
              "--flotilla.search.poll-wait=2s",
              "--flotilla.search.backoff.max=1s");
      running = List.of(usersProcess, tweetsProcess, searchProcess);
      for (int port : ports.values()) {
        ServiceProcesses.awaitHealth(port);
      }
    }

    /** SIGKILL to each, as a power cut would; fails unless each died of it. */
    void kill() throws InterruptedException {
      for (Process process : running) {
        ServiceProcesses.kill(process);
      }
    }
  }
}
