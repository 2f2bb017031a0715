package io.flotilla.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Availability: probed concurrently, once per row, cached, and forgotten when a row changes.
 * Concurrency is shown by how many probes ran at the same time, never by timing a request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RecordingProbe.Config.class)
class ProbingTest {

  @LocalServerPort int port;

  @Autowired HardwareRepository repository;

  @Autowired RecordingProbe probe;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port).as(ServiceToken.forHardware());
  }

  private Hardware newRow() {
    return repository.insert("Probed-" + UUID.randomUUID(), "n1");
  }

  @Test
  void aHundredNewRowsAreProbedAtTheSameTime() {
    var rows = new ArrayList<Hardware>();
    for (int i = 0; i < 100; i++) {
      rows.add(newRow());
    }
    probe.resetMostInFlight();

    String list = http.get("/hardware/").body();

    // One after the other, at most one probe would ever be running.
    assertThat(probe.mostInFlight()).isGreaterThanOrEqualTo(50);
    for (Hardware row : rows) {
      assertThat(probe.checksOf(row.id())).isEqualTo(1);
      assertThat(list)
          .contains(
              "{\"availability\":\"HIGH\",\"name\":\"n1\",\"provider\":\""
                  + row.provider()
                  + "\",\"id\":"
                  + row.id()
                  + "}");
    }
  }

  @Test
  void aSecondListIsAnsweredFromTheCache() {
    Hardware row = newRow();

    String first = http.get("/hardware/").body();
    String second = http.get("/hardware").body();

    assertThat(probe.checksOf(row.id())).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    assertThat(http.get("/hardware/" + row.id()).status()).isEqualTo(200);
    assertThat(probe.checksOf(row.id())).isEqualTo(1);
  }

  @Test
  void concurrentFirstRequestsForARowShareOneProbe() throws Exception {
    Hardware row = newRow();

    List<Future<Http.Answer>> answers = new ArrayList<>();
    try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        answers.add(clients.submit(() -> http.get("/hardware/" + row.id())));
      }
    }

    for (Future<Http.Answer> answer : answers) {
      assertThat(answer.get().status()).isEqualTo(200);
    }
    assertThat(probe.checksOf(row.id())).isEqualTo(1);
  }

  @Test
  void aChangedRowIsProbedAgain() {
    Hardware row = newRow();
    assertThat(http.get("/hardware/" + row.id()).status()).isEqualTo(200);

    http.put("/hardware/" + row.id(), "{\"provider\":\"" + row.provider() + "\",\"name\":\"n2\"}");
    String after = http.get("/hardware/" + row.id()).body();

    assertThat(after).contains("\"name\":\"n2\"");
    assertThat(probe.checksOf(row.id())).isEqualTo(2);
  }

  @Test
  void probesAreTimedByOutcome() {
    double before = http.scraped("hardware_probe_seconds_count", "outcome=\"high\"");
    Hardware row = newRow();

    assertThat(http.get("/hardware/" + row.id()).status()).isEqualTo(200);

    assertThat(http.scraped("hardware_probe_seconds_count", "outcome=\"high\""))
        .isEqualTo(before + 1);
    assertThat(http.scraped("hardware_probe_seconds_bucket", "outcome=\"high\"")).isPositive();
  }
}
