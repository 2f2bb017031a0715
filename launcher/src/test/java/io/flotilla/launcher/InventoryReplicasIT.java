package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's {@code --scale hardware=2} with real processes: two hardware services, each its own
 * JVM and database, and the portal over both. Stopping one leaves the page answering.
 */
class InventoryReplicasIT {

  private static final HttpClient http = ServiceProcesses.http;

  private static final ServiceProcesses processes = new ServiceProcesses();
  private static Process firstHardware;
  private static int portalPort;

  @BeforeAll
  static void startTwoHardwareReplicasAndThePortal() throws Exception {
    int first = FreePorts.next();
    int second = FreePorts.next();
    portalPort = FreePorts.next();
    firstHardware = hardware(first);
    hardware(second);
    processes.start(
        "portal",
        portalPort,
        Files.createTempDirectory("portal"),
        Map.of(),
        "--flotilla.portal.hardware-urls=http://localhost:"
            + first
            + ",http://localhost:"
            + second);
    for (int port : List.of(first, second, portalPort)) {
      ServiceProcesses.awaitHealth(port);
    }
  }

  @AfterAll
  static void stopEverything() {
    processes.close();
  }

  @Test
  void portalKeepsAnsweringWhenOneHardwareReplicaStops() throws Exception {
    assertThat(page().statusCode()).isEqualTo(200);

    ServiceProcesses.stop(firstHardware);

    for (int i = 0; i < 4; i++) {
      HttpResponse<String> page = page();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .containsPattern("Amazon - c5: (HIGH|MEDIUM|LOW)")
          .containsPattern("Azure - H16mr: (HIGH|MEDIUM|LOW)");
    }
  }

  /** Each replica its own database, as each container would have; a short availability check. */
  private static Process hardware(int port) throws IOException {
    return processes.start(
        "hardware",
        port,
        Files.createTempDirectory("hardware"),
        Map.of("FLOTILLA_HARDWARE_PROBE_DELAY", "200ms"));
  }

  private static HttpResponse<String> page() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + portalPort + "/"))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
