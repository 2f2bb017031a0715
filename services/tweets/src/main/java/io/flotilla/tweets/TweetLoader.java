package io.flotilla.tweets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flotilla.tweets.TweetGenerator.Generated;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes many made-up tweets ({@link TweetGenerator}) to try the microblog at scale, through the
 * write path of every tweet ({@link Tweets#createAll}): each reaches the change feed, and so
 * search. A thousand to a JDBC batch and a transaction: short transactions, so that other requests
 * have their turn in between (laptop mode's H2 has one connection).
 */
@Service
class TweetLoader {

  private static final Logger log = LoggerFactory.getLogger(TweetLoader.class);

  /** The most tweets per call: a call ends within seconds, and a client calls again for more. */
  static final int MAX_COUNT = 10_000;

  static final int MAX_USERS = 1_000_000;

  static final int BATCH = 1_000;

  private final Tweets tweets;

  TweetLoader(Tweets tweets) {
    this.tweets = tweets;
  }

  /**
   * What one call wrote, as {@code POST /internal/v1/generated-tweets} answers it.
   *
   * @param firstId the first new tweet's id
   * @param lastId the last one's; the ids between may hold other writers' tweets too
   */
  @JsonPropertyOrder({"created", "public", "firstId", "lastId"})
  record Loaded(int created, @JsonProperty("public") int publicCount, long firstId, long lastId) {}

  /** {@code count} new tweets by {@code gen_1} to {@code gen_<users>}. */
  Loaded load(int count, int users) {
    long start = System.nanoTime();
    var generator = new TweetGenerator(users, new SplittableRandom());
    int publicCount = 0;
    long firstId = 0;
    long lastId = 0;
    for (int done = 0; done < count; ) {
      List<Generated> batch =
          Stream.generate(generator::next).limit(Math.min(BATCH, count - done)).toList();
      List<Tweet> created = tweets.createAll(batch);
      publicCount += (int) created.stream().filter(tweet -> !tweet.isPrivate()).count();
      firstId = done == 0 ? created.getFirst().id() : firstId;
      lastId = created.getLast().id();
      done += created.size();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    log.info(
        "tweets generated count={} public={} users={} firstId={} lastId={} ms={}",
        count,
        publicCount,
        users,
        firstId,
        lastId,
        millis);
    return new Loaded(count, publicCount, firstId, lastId);
  }
}
