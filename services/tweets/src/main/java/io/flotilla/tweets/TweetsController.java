package io.flotilla.tweets;

import io.flotilla.tweets.TweetBodies.TweetJson;
import io.flotilla.tweets.TweetBodies.Write;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public API. Reads need no token (one only widens what you see: your own private tweets);
 * writes need one, and its subject is the author. {@code /api/v1/tweets} and {@code
 * /api/v1/tweets/} answer alike (no redirect, so a POST is never turned into a GET), as do the
 * other paths with and without a trailing slash. Ids are digits and usernames start with a letter,
 * so the two never collide; {@code tags} is a reserved username.
 */
@RestController
@RequestMapping(path = "/api/v1/tweets", produces = MediaType.APPLICATION_JSON_VALUE)
class TweetsController {

  static final String TOTAL_COUNT = "X-Total-Count";

  static final String PAGING =
      "Without `page`: the newest tweets, and a `Link` header whose `next` leads on (with"
          + " `before`); each page costs the same however deep, and there is no count. With"
          + " `page` (from 0, up to 10000): that numbered page, with `X-Total-Count` and `Link`"
          + " `next`/`prev`; deep pages and the count cost more as tweets grow.";

  private final Tweets tweets;

  TweetsController(Tweets tweets) {
    this.tweets = tweets;
  }

  @GetMapping({"", "/"})
  @Operation(
      summary = "Everyone's public tweets, newest first, a page at a time",
      description = PAGING)
  ResponseEntity<List<TweetJson>> timeline(
      @RequestParam(required = false) @Paging.Before String before,
      @RequestParam(required = false) @Paging.Page Integer page,
      @RequestParam(defaultValue = "20") @Paging.Size int size,
      HttpServletRequest request) {
    if (page != null) {
      onlyOne(before);
      return paged(tweets.timeline(page, size), page, size, request);
    }
    return sliced(tweets.timeline(cursor(before), size), size, request);
  }

  @GetMapping({"/tags", "/tags/"})
  @Operation(summary = "The nine tags a tweet may carry")
  List<Tag> tags() {
    return tweets.tags();
  }

  @GetMapping({"/{id:[0-9]+}", "/{id:[0-9]+}/"})
  @Operation(summary = "One tweet; a private one only to its author (404 to anyone else)")
  TweetJson one(@PathVariable long id, @AuthenticationPrincipal Jwt token) {
    return TweetJson.of(tweets.one(id, Author.of(token)));
  }

  @GetMapping({"/{username:[a-z][a-z0-9_]*}", "/{username:[a-z][a-z0-9_]*}/"})
  @Operation(
      summary =
          "A user's tweets, newest first, a page at a time; private ones only to that user."
              + " A name without tweets answers [] (users are the users service's business).",
      description = PAGING)
  ResponseEntity<List<TweetJson>> byUser(
      @PathVariable @Size(max = 30, message = "must be at most {max} characters") String username,
      @RequestParam(required = false) @Paging.Before String before,
      @RequestParam(required = false) @Paging.Page Integer page,
      @RequestParam(defaultValue = "20") @Paging.Size int size,
      @AuthenticationPrincipal Jwt token,
      HttpServletRequest request) {
    if (page != null) {
      onlyOne(before);
      return paged(tweets.byUser(username, Author.of(token), page, size), page, size, request);
    }
    return sliced(tweets.byUser(username, Author.of(token), cursor(before), size), size, request);
  }

  @PostMapping({"", "/"})
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Post a tweet as the token's subject")
  @SecurityRequirement(name = "bearer")
  ResponseEntity<TweetJson> create(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody Write body) {
    Tweet tweet = tweets.create(Author.of(token), body.text(), body.tag(), body.isPrivate());
    return ResponseEntity.created(URI.create("/api/v1/tweets/" + tweet.id()))
        .body(TweetJson.of(tweet));
  }

  @PutMapping({"/{id:[0-9]+}", "/{id:[0-9]+}/"})
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Replace the text and tag of one of your tweets, and its privacy when the body says"
              + " \"private\" (left out, the tweet stays as private as it was)")
  TweetJson update(
      @PathVariable long id, @AuthenticationPrincipal Jwt token, @Valid @RequestBody Write body) {
    return TweetJson.of(
        tweets.update(Author.of(token), id, body.text(), body.tag(), body.isPrivate()));
  }

  @DeleteMapping({"/{id:[0-9]+}", "/{id:[0-9]+}/"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete one of your tweets")
  @SecurityRequirement(name = "bearer")
  ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal Jwt token) {
    tweets.delete(Author.of(token), id);
    return ResponseEntity.noContent().build();
  }

  private static Cursor cursor(String before) {
    return before == null ? null : Cursor.parse(before);
  }

  private static void onlyOne(String before) {
    if (before != null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "Give page or before, not both: they are two ways to page.");
    }
  }

  /** The body stays a plain array; the next page, if any, is an RFC 8288 {@code Link}. */
  private static ResponseEntity<List<TweetJson>> sliced(
      Tweets.Slice slice, int size, HttpServletRequest request) {
    var answer = ResponseEntity.ok();
    if (slice.next() != null) {
      answer.header(
          HttpHeaders.LINK, Paging.next(request.getRequestURI(), slice.next(), size).toString());
    }
    return answer.body(slice.tweets().stream().map(TweetJson::of).toList());
  }

  /**
   * A numbered page: the body stays a plain array (the original API's clients read a list); the
   * total and the neighbouring pages go in headers: {@code X-Total-Count} and an RFC 8288 {@code
   * Link}.
   */
  private static ResponseEntity<List<TweetJson>> paged(
      Tweets.Page rows, int page, int size, HttpServletRequest request) {
    List<Paging.Link> links = Paging.around(request.getRequestURI(), page, size, rows.total());
    var answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(rows.total()));
    if (!links.isEmpty()) {
      answer.header(
          HttpHeaders.LINK,
          links.stream().map(Paging.Link::toString).collect(Collectors.joining(", ")));
    }
    return answer.body(rows.tweets().stream().map(TweetJson::of).toList());
  }
}
