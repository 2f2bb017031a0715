package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The microblog through the gateway: log in, post, read the public timeline and a user's tweets,
 * search. Logs in as the laptop profile's demo users unless {@code -Dmicroblog.users} names others
 * (say, on staging, where there is no demo data), all with {@code -Dmicroblog.password}.
 */
final class MicroblogCalls {

  static final List<String> USERS =
      Arrays.stream(System.getProperty("microblog.users", "karina,bob,simon,gina").split(","))
          .map(String::strip)
          .filter(name -> !name.isEmpty())
          .toList();

  private static final String PASSWORD = System.getProperty("microblog.password", "flotilla-demo");

  /** The password as a JSON string: a quote or backslash in it must not break the body. */
  private static final String PASSWORD_JSON =
      "\"" + PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";

  /** Seed 003's tags, all of which the tweets service knows. */
  private static final List<String> TAGS =
      List.of(
          "general",
          "health",
          "business",
          "world news",
          "music",
          "technology",
          "beauty",
          "movies and tv",
          "slalom");

  /** Common words, so that searches find something and posts read like sentences. */
  private static final List<String> WORDS =
      List.of(
          "running", "album", "launch", "coffee", "morning", "meeting", "market", "song", "river",
          "train", "weekend", "snow", "slope", "news", "garden", "concert", "lunch", "code",
          "release", "holiday");

  private MicroblogCalls() {}

  /** Logs in as one of the users, keeping the token and username in the session. */
  static ChainBuilder logIn() {
    return exec(session -> session.set("username", pick(USERS)))
        .exec(
            http("log in")
                .post("/api/v1/auth/login")
                .body(
                    StringBody("{\"username\":\"#{username}\",\"password\":" + PASSWORD_JSON + "}"))
                .asJson()
                .check(status().is(200), jsonPath("$.access_token").saveAs("token")))
        // Without a token every post would fail before it is sent, and Gatling would not count
        // those as failed requests: a user who cannot log in stops here, counted once.
        .exitHereIfFailed();
  }

  /** Posts a public tweet of 5 to 9 random words; needs {@link #logIn()} first. */
  static ChainBuilder post() {
    return exec(session -> session.set("text", sentence()).set("tag", pick(TAGS)))
        .exec(
            http("post tweet")
                .post("/api/v1/tweets/")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"text\":\"#{text}\",\"tag\":\"#{tag}\"}"))
                .asJson()
                .check(
                    status().is(201),
                    header("Location").exists(),
                    jsonPath("$.username").isEL("#{username}")));
  }

  static ChainBuilder timeline() {
    return exec(
        http("timeline")
            .get("/api/v1/tweets/?size=20")
            .check(status().is(200), jsonPath("$").exists()));
  }

  static ChainBuilder userTweets() {
    return exec(session -> session.set("author", pick(USERS)))
        .exec(
            http("user's tweets")
                .get("/api/v1/tweets/#{author}")
                .check(status().is(200), jsonPath("$").exists()));
  }

  static ChainBuilder search() {
    return exec(session -> session.set("keyword", pick(WORDS)))
        .exec(
            http("search")
                .get("/api/v1/search/?keyword=#{keyword}")
                .check(status().is(200), jsonPath("$").exists()));
  }

  private static String sentence() {
    int words = ThreadLocalRandom.current().nextInt(5, 10);
    return IntStream.range(0, words).mapToObj(i -> pick(WORDS)).collect(Collectors.joining(" "));
  }

  private static String pick(List<String> list) {
    return list.get(ThreadLocalRandom.current().nextInt(list.size()));
  }
}
