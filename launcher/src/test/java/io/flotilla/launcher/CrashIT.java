package io.flotilla.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.testsupport.ScratchDatabase;
import io.flotilla.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pulling the plug in the middle of writes: clients register accounts and post tweets at once,
 * everything is killed with SIGKILL (no shutdown hook, no flush), started again on the same data
 * the way a person would, and then every write that was answered 2xx is there and search finds
 * exactly the tweets that tweets shows. On the laptop default (the launcher, embedded H2) always;
 * on PostgreSQL and MariaDB when their URLs are given, with users, tweets and search each a process
 * of its own, as Compose or Kubernetes runs them.
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

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void eachServiceKilledInTheMiddleOfWritesLosesNothingItAcknowledged(TestServer server)
      throws Exception {
    assumeTrue(server.url() != null, server + "'s URL is not given");
    try (ScratchDatabase users = server.scratchDatabase("crash_users_");
        ScratchDatabase tweets = server.scratchDatabase("crash_tweets_");
        ServiceProcesses processes = new ServiceProcesses()) {
      Microblog microblog = new Microblog(processes, server, users, tweets);
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
      report(server + ", a process per service", writers, ready, converged);
    }
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

  /** Users, tweets and search as three processes on one database server, data kept across runs. */
  private static final class Microblog {

    private final ServiceProcesses processes;
    private final TestServer server;
    private final ScratchDatabase users;
    private final ScratchDatabase tweets;
    private final Map<String, Integer> ports;
    private final Path data;
    private List<Process> running = List.of();

    Microblog(
        ServiceProcesses processes,
        TestServer server,
        ScratchDatabase users,
        ScratchDatabase tweets)
        throws Exception {
      this.processes = processes;
      this.server = server;
      this.users = users;
      this.tweets = tweets;
      this.ports =
          Map.of(
              "users", ServiceProcesses.freePort(),
              "tweets", ServiceProcesses.freePort(),
              "search", ServiceProcesses.freePort());
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
                  "SPRING_PROFILES_ACTIVE", server.profile(),
                  "USERS_DB_URL", users.url(),
                  "USERS_DB_USER", users.user()));
      Process tweetsProcess =
          processes.start(
              "tweets",
              ports.get("tweets"),
              data,
              Map.of(
                  "SPRING_PROFILES_ACTIVE", server.profile(),
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
