package io.flotilla.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The search service's settings. Overridable like any property, e.g. {@code
 * TWEETS_URL=http://tweets:8084} or {@code FLOTILLA_SEARCH_POLL_WAIT=5s}.
 *
 * @param tweetsUrl the tweets service; its change feed is {@code {tweetsUrl}/internal/v1/changes}
 * @param indexDir where the Lucene index lives (with the feed cursor in its commits)
 * @param pollWait how long the feed may hold a request when it has nothing new (long polling)
 * @param batchLimit how many changes to ask for per request
 * @param refreshInterval how long a caught-up index waits after a batch before it asks the feed
 *     again: the writes of that moment are made searchable together, in one refresh, rather than
 *     one by one (0: at once)
 * @param commitInterval how often the index commits (with its cursor) while changes keep coming: at
 *     most what a crash makes it read again. It also commits whenever the feed has nothing new.
 * @param connectTimeout how long to wait for the tweets service to accept a connection
 * @param readTimeout how long to wait for the feed's answer; longer than {@code pollWait}
 * @param backoff how long to wait between tries while the feed is down or failing
 */
@Validated
@ConfigurationProperties("flotilla.search")
record SearchProperties(
    @DefaultValue("http://localhost:8084") @NotNull URI tweetsUrl,
    @DefaultValue("./data/search/index") @NotNull Path indexDir,
    @DefaultValue("10s") @NotNull Duration pollWait,
    @DefaultValue("1000") @Min(1) @Max(1000) int batchLimit,
    @DefaultValue("50ms") @NotNull Duration refreshInterval,
    @DefaultValue("10s") @NotNull Duration commitInterval,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("20s") @NotNull Duration readTimeout,
    @DefaultValue @NotNull @Valid Backoff backoff) {

  /** Wait {@code initial} after the first failure, doubling after each further one up to max. */
  record Backoff(
      @DefaultValue("200ms") @NotNull Duration initial, @DefaultValue("5s") @NotNull Duration max) {

    @AssertTrue(message = "backoff.initial must be positive and not longer than backoff.max")
    boolean isOrdered() {
      return initial == null
          || max == null
          || (initial.isPositive() && initial.compareTo(max) <= 0);
    }
  }

  @AssertTrue(message = "poll-wait must be from 0 to 30s (the feed's maximum)")
  boolean isPollWaitInRange() {
    return pollWait == null
        || (!pollWait.isNegative() && pollWait.compareTo(Duration.ofSeconds(30)) <= 0);
  }

  @AssertTrue(message = "refresh-interval must be from 0 to 1s")
  boolean isRefreshIntervalInRange() {
    return refreshInterval == null
        || (!refreshInterval.isNegative() && refreshInterval.compareTo(Duration.ofSeconds(1)) <= 0);
  }

  @AssertTrue(message = "read-timeout must be longer than poll-wait, or every idle poll times out")
  boolean isReadTimeoutLongerThanPollWait() {
    return pollWait == null || readTimeout == null || readTimeout.compareTo(pollWait) > 0;
  }

  /** The change feed's URL. */
  String changesUrl() {
    String base = tweetsUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ChangeFeed.PATH;
  }
}
