package io.flotilla.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One answer of the tweets change feed: {@code GET /internal/v1/changes?after=&limit=&wait=}.
 *
 * @param epoch the feed's identity, drawn when the tweets database was created: seqs of another
 *     epoch mean nothing in this one
 * @param changes in increasing {@code seq}, possibly empty
 * @param last the seq of the last change returned, or {@code after} when there are none
 * @param head the feed's newest seq when it answered
 */
record Changes(String epoch, List<Change> changes, long last, long head) {

  /**
   * One change to one tweet.
   *
   * @param type {@code created}, {@code updated} or {@code deleted}
   * @param tweet the tweet's full new state; null when deleted
   * @param at when the write was made; null from a tweets service that does not say
   */
  record Change(long seq, String type, long tweetId, FeedTweet tweet, Instant at) {

    /** Whether the tweet should be findable after this change: it exists and is public. */
    boolean leavesPublicTweet() {
      return ("created".equals(type) || "updated".equals(type))
          && tweet != null
          && !tweet.isPrivate();
    }
  }

  /** The contract's tweet JSON plus the tag's id (null without a tag). */
  record FeedTweet(
      long id,
      String username,
      String text,
      @JsonProperty("private") boolean isPrivate,
      String tag,
      Instant created,
      Long tagId) {}
}
