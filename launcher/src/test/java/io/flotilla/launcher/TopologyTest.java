package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void defaultPortsAreTheDocumentedOnes() {
    var services = Topology.from(Map.of());

    assertThat(services)
        .extracting(Service::name, Service::port)
        .containsExactly(tuple("math", 8081), tuple("gateway", 8080));
  }

  @Test
  void gatewayIsToldWhereMathListens() {
    var services = Topology.from(Map.of("MATH_PORT", "9181", "GATEWAY_PORT", "9180"));

    assertThat(services.getLast().port()).isEqualTo(9180);
    assertThat(services.getLast().args())
        .contains("--flotilla.services.math=http://localhost:9181");
  }

  @Test
  void portThatIsNotANumberIsRejectedWithWhatIsAllowed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topology.from(Map.of("MATH_PORT", "eighty")))
        .withMessage("MATH_PORT must be a port number from 1 to 65535, got \"eighty\"");
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topology.from(Map.of("GATEWAY_PORT", "70000")))
        .withMessageContaining("GATEWAY_PORT must be a port number from 1 to 65535");
  }
}
