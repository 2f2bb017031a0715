package io.flotilla.tweets;

import io.flotilla.tweets.TweetLoader.Loaded;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/v1/generated-tweets}: made-up tweets, written on the server (a big load
 * needs no big request), a bounded number per call; {@code flotilla generate-tweets} calls it until
 * it has its count. Internal, like the change feed: only a service token for tweets.
 */
@RestController
class TweetLoaderController {

  private static final String COUNT =
      "must be an integer from 1 to " + TweetLoader.MAX_COUNT + ", got ${validatedValue}";
  private static final String USERS =
      "must be an integer from 1 to " + TweetLoader.MAX_USERS + ", got ${validatedValue}";

  static final int DEFAULT_USERS = 1000;

  private final TweetLoader loader;

  TweetLoaderController(TweetLoader loader) {
    this.loader = loader;
  }

  /**
   * @param count how many tweets to write
   * @param users how many authors they come from: {@code gen_1} to {@code gen_<users>}; default
   *     {@value #DEFAULT_USERS}
   */
  record Generate(
      @NotNull(message = "is required: 1 to " + TweetLoader.MAX_COUNT)
          @Min(value = 1, message = COUNT)
          @Max(value = TweetLoader.MAX_COUNT, message = COUNT)
          Integer count,
      @Min(value = 1, message = USERS) @Max(value = TweetLoader.MAX_USERS, message = USERS)
          Integer users) {}

  @PostMapping("/internal/v1/generated-tweets")
  @Operation(summary = "Write count made-up tweets (at most 10000 a call) by gen_1 to gen_<users>")
  Loaded generate(@Valid @RequestBody Generate body) {
    return loader.load(body.count(), body.users() == null ? DEFAULT_USERS : body.users());
  }
}
