package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.core.env.Environment;
import reactor.netty.http.client.HttpClient;

/**
 * The older environment names of the gateway's settings still work, for one more release: each
 * lands on its {@code flotilla.gateway.*} setting and from there in the client the routes use.
 */
@SpringBootTest(
    properties = {
      "GATEWAY_CONNECT_TIMEOUT_MS=250",
      "GATEWAY_RESPONSE_TIMEOUT=3s",
      "GATEWAY_RETRIES=4"
    })
class ServiceCallSettingsTest {

  @Autowired ServiceCallProperties calls;
  @Autowired HttpClient client;
  @Autowired HttpClientProperties gatewayClient;

  @Test
  void theOldNamesLandOnTheFlotillaGatewaySettings() {
    assertThat(calls)
        .isEqualTo(new ServiceCallProperties(Duration.ofMillis(250), Duration.ofSeconds(3), 4));
  }

  @Test
  void theRoutesClientConnectsAndWaitsForThoseDurations() {
    Object connectMillis =
        client.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS);
    assertThat(connectMillis).isEqualTo(250);
    assertThat(gatewayClient.getResponseTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  /** See GatewayIdleConnectionTest: a connection the service is closing is never taken. */
  @Test
  void idleConnectionsAreLetGoBeforeTheServicesCloseThem(@Autowired Environment environment) {
    Duration servicesKeepAlive =
        environment.getRequiredProperty("server.tomcat.connection-timeout", Duration.class);
    assertThat(gatewayClient.getPool().getMaxIdleTime()).isLessThan(servicesKeepAlive);
  }
}
