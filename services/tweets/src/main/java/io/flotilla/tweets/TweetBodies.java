package io.flotilla.tweets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flotilla.platform.validation.Characters;
import io.flotilla.platform.validation.Texts;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The JSON bodies of {@code /api/v1/tweets}. */
final class TweetBodies {

  private TweetBodies() {}

  /** The most code points a tweet's text may have. */
  static final int MAX_TEXT = 280;

  /** Longer than any tag's name ("movies and tv"), so a longer one is refused unread. */
  static final int MAX_TAG = 50;

  /** A tweet as the contract shows it (search answers the same shape). */
  @JsonPropertyOrder({"id", "username", "text", "private", "tag", "created"})
  record TweetJson(
      long id,
      String username,
      String text,
      @JsonProperty("private") boolean isPrivate,
      String tag,
      String created) {

    static TweetJson of(Tweet tweet) {
      return new TweetJson(
          tweet.id(),
          tweet.username(),
          tweet.text(),
          tweet.isPrivate(),
          tweet.tag(),
          utcSeconds(tweet.created()));
    }
  }

  /** ISO-8601 UTC to the second, e.g. {@code 2026-11-23T10:15:30Z}. */
  static String utcSeconds(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * What a client sends to create or replace a tweet. The author is the token's subject, so a body
   * has no author field (one is refused as unknown, like any other). Line breaks and tabs belong in
   * a tweet; no other control character does (PostgreSQL refuses a NUL).
   *
   * @param tag a tag's name, any case; null for none
   * @param isPrivate null: public for a new tweet, unchanged for a replaced one
   */
  record Write(
      @NotNull(message = "is required: 1 to " + MAX_TEXT + " characters")
          @Pattern(
              regexp = Texts.VISIBLE,
              message = "must not be blank: 1 to " + MAX_TEXT + " characters, not only spaces")
          @Characters(max = MAX_TEXT, message = "must be at most {max} characters, got {length}")
          @Pattern(
              regexp = Texts.NO_CONTROL_CHARACTERS_BUT_LINES,
              message = "must not contain control characters other than line breaks and tabs")
          String text,
      @Characters(max = MAX_TAG, message = "must be at most {max} characters, got {length}")
          @Pattern(
              regexp = Texts.NO_CONTROL_CHARACTERS,
              message = "must not contain control characters")
          String tag,
      @JsonProperty("private") Boolean isPrivate) {}

  static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
