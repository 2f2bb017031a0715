package io.flotilla.search;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The feed consumer's state under {@code /actuator/info} ("feed") and as the details of the "feed"
 * health indicator. The indicator stays UP while the feed is unavailable: search still answers from
 * its index, so taking the replica out of service would only make things worse.
 */
@Component("feed")
class FeedStatus implements InfoContributor, HealthIndicator {

  private final FeedConsumer consumer;

  FeedStatus(FeedConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public void contribute(Info.Builder builder) {
    builder.withDetail("feed", consumer.status());
  }

  @Override
  public Health health() {
    return Health.up().withDetails(consumer.status()).build();
  }
}
