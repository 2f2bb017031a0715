package io.flotilla.tweets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flotilla.platform.RoutineRequest;
import io.flotilla.tweets.ChangeLog.Change;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed for the search service: every accepted write, private tweets included, in seq
 * order, resumable with {@code after}. Each answer names the feed's {@code epoch} (drawn when the
 * database was created) and its {@code head} (the newest seq): a consumer whose cursor is from
 * another epoch, or ahead of the head, must read again from 0 rather than resume. Internal: it
 * carries private tweets, so it answers only a service token for tweets ({@link
 * SecurityConfiguration}), and the gateway never routes {@code /internal/**}.
 */
@RestController
class ChangeFeedController {

  static final int MAX_LIMIT = 1000;
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final ChangeFeed feed;

  ChangeFeedController(ChangeFeed feed) {
    this.feed = feed;
  }

  @GetMapping("/internal/v1/changes")
  @Operation(
      summary =
          "Changes after a seq; with wait (e.g. 10s, at most 30s) the request waits for one when"
              + " there are none yet")
  FeedJson changes(
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "500") int limit,
      @RequestParam(defaultValue = "0") String wait) {
    if (after < 0) {
      throw TweetBodies.problem(
          HttpStatus.BAD_REQUEST, "after must be a seq of 0 or more, got " + after + ".");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw TweetBodies.problem(
          HttpStatus.BAD_REQUEST,
          "limit must be an integer from 1 to " + MAX_LIMIT + ", got " + limit + ".");
    }
    ChangeFeed.Page page = feed.read(after, limit, waitOf(wait));
    List<Change> changes = page.changes();
    if (changes.isEmpty()) {
      RoutineRequest.mark(); // an idle long poll: one every wait, all day long
    }
    return new FeedJson(
        page.epoch(),
        changes.stream().map(ChangeJson::of).toList(),
        changes.isEmpty() ? after : changes.getLast().seq(),
        page.head());
  }

  private static Duration waitOf(String wait) {
    Duration duration;
    try {
      // A bare number other than 0 is refused rather than guessed (seconds? milliseconds?).
      duration =
          wait.strip().matches("[0-9]+") && !wait.strip().matches("0+")
              ? null
              : DurationStyle.detectAndParse(wait.strip());
    } catch (IllegalArgumentException e) {
      duration = null;
    }
    if (duration == null || duration.isNegative() || duration.compareTo(MAX_WAIT) > 0) {
      throw TweetBodies.problem(
          HttpStatus.BAD_REQUEST,
          "wait must be a duration from 0 to 30s with its unit, such as 500ms or 10s, got \""
              + wait
              + "\".");
    }
    return duration;
  }

  @JsonPropertyOrder({"epoch", "changes", "last", "head"})
  record FeedJson(String epoch, List<ChangeJson> changes, long last, long head) {}

  /**
   * One change; {@code at} is when the write was made (UTC, to the millisecond), from which search
   * times how long a write takes to become searchable.
   */
  @JsonPropertyOrder({"seq", "type", "tweetId", "tweet", "at"})
  record ChangeJson(long seq, String type, long tweetId, FeedTweet tweet, String at) {

    static ChangeJson of(Change change) {
      return new ChangeJson(
          change.seq(),
          change.type(),
          change.tweetId(),
          change.tweet() == null ? null : FeedTweet.of(change.tweet()),
          change.at().truncatedTo(ChronoUnit.MILLIS).toString());
    }
  }

  /** The tweet JSON of the API plus the tag's id, so search can filter by either. */
  @JsonPropertyOrder({"id", "username", "text", "private", "tag", "created", "tagId"})
  record FeedTweet(
      long id,
      String username,
      String text,
      @JsonProperty("private") boolean isPrivate,
      String tag,
      String created,
      Integer tagId) {

    static FeedTweet of(Tweet tweet) {
      return new FeedTweet(
          tweet.id(),
          tweet.username(),
          tweet.text(),
          tweet.isPrivate(),
          tweet.tag(),
          TweetBodies.utcSeconds(tweet.created()),
          tweet.tagId());
    }
  }
}
