package io.flotilla.tweets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tweets service's settings, e.g. {@code FLOTILLA_TWEETS_FEED_POLL_INTERVAL=1s}. The users
 * service, whose keys verify tokens, is the platform client's peer {@code users} ({@code
 * USERS_URL}).
 *
 * @param tokenIssuer the {@code iss} every accepted token carries
 * @param demoData whether the contract's demo tweets are written on first start
 * @param feed the change feed
 */
@Validated
@ConfigurationProperties("flotilla.tweets")
record TweetsProperties(
    @DefaultValue("flotilla-users") @NotBlank String tokenIssuer,
    @DefaultValue("false") boolean demoData,
    @Valid @NotNull @DefaultValue Feed feed) {

  /**
   * @param pollInterval how often a waiting feed request re-reads the database, to see writes made
   *     through another replica (this replica's own writes wake it at once)
   */
  record Feed(@DefaultValue("500ms") @NotNull @DurationMin(millis = 10) Duration pollInterval) {}
}
