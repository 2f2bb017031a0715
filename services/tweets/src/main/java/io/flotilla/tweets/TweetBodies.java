package io.flotilla.tweets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The JSON bodies of {@code /api/v1/tweets}. */
final class TweetBodies {

  private TweetBodies() {}

  /** The most code points a tweet's text may have. */
  static final int MAX_TEXT = 280;

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
  static String utcSeconds(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * What a client sends to create or replace a tweet. The author is the token's subject: a body
   * that names one ({@code username} or the seed client's {@code user_id}) is refused rather than
   * silently ignored, so a client that believes it can post as someone else learns it cannot. Other
   * unknown fields are ignored.
   */
  record Write(
      String text,
      String tag,
      @JsonProperty("private") Boolean isPrivate,
      String username,
      @JsonProperty("user_id") Object userId) {

    /** The checked values, or a 400/422 problem naming what is wrong and what is allowed. */
    Draft check(List<Tag> tags) {
      if (username != null || userId != null) {
        throw problem(
            HttpStatus.BAD_REQUEST,
            "The author of a tweet is the subject of the bearer token; remove "
                + (username != null ? "\"username\"" : "\"user_id\"")
                + " from the body.");
      }
      if (text == null) {
        throw problem(
            HttpStatus.BAD_REQUEST, "text is required: 1 to " + MAX_TEXT + " characters.");
      }
      if (text.isBlank()) {
        throw problem(
            HttpStatus.BAD_REQUEST,
            "text must not be blank: 1 to " + MAX_TEXT + " characters, not only spaces.");
      }
      int length = text.codePointCount(0, text.length());
      if (length > MAX_TEXT) {
        throw problem(
            HttpStatus.BAD_REQUEST,
            "text must be at most " + MAX_TEXT + " characters, got " + length + ".");
      }
      // PostgreSQL refuses a NUL in text and no other control character belongs in a tweet;
      // line breaks and tabs do.
      if (text.chars()
          .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        throw problem(
            HttpStatus.BAD_REQUEST,
            "text must not contain control characters other than line breaks and tabs.");
      }
      Integer tagId = null;
      if (tag != null) {
        String wanted = tag.strip().toLowerCase(Locale.ROOT);
        tagId =
            tags.stream()
                .filter(known -> known.name().equals(wanted))
                .map(Tag::id)
                .findFirst()
                .orElseThrow(() -> unknownTag(tag, tags));
      }
      return new Draft(text, tagId, isPrivate != null && isPrivate);
    }

    private static ErrorResponseException unknownTag(String tag, List<Tag> tags) {
      List<String> names = tags.stream().map(Tag::name).toList();
      var detail =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "Unknown tag \""
                  + tag
                  + "\"; use one of "
                  + String.join(", ", names)
                  + " (any case), or leave tag out.");
      detail.setProperty("tags", names);
      return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, detail, null);
    }
  }

  /** A write that passed the checks. */
  record Draft(String text, Integer tagId, boolean isPrivate) {}

  static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
