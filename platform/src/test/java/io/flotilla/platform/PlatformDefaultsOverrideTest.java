package io.flotilla.platform;

import io.flotilla.platform.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A service's own configuration (here application-health-only.properties) wins over the platform's
 * defaults, one property at a time: the other defaults still apply.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("health-only")
@AutoConfigureRestTestClient
class PlatformDefaultsOverrideTest {

  @Autowired RestTestClient client;

  @Test
  void serviceConfigurationNarrowsTheExposedEndpoints() {
    client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    client.get().uri("/actuator/info").exchange().expectStatus().isNotFound();
    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
  }

  @Test
  void defaultsItDoesNotOverrideStillApply() {
    client.get().uri("/health").exchange().expectStatus().isOk();
    client.get().uri("/livez").exchange().expectStatus().isOk();
  }
}
