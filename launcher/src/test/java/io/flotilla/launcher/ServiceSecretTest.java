package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSecretTest {

  @Test
  void theOperatorsSecretIsHandedOnAsItIs() {
    String secret = "an operator's secret of thirty-two bytes or more";

    assertThat(ServiceSecret.from(Map.of("FLOTILLA_SERVICE_SECRET", secret))).isEqualTo(secret);
  }

  @Test
  void withoutOneEachRunMakesItsOwn() {
    String first = ServiceSecret.from(Map.of());

    assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(ServiceSecret.from(Map.of("FLOTILLA_SERVICE_SECRET", ""))).isNotEqualTo(first);
  }

  @Test
  void aShortSecretIsRefusedWithoutBeingShown() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSecret.from(Map.of("FLOTILLA_SERVICE_SECRET", "hunter2")))
        .withMessage(
            "FLOTILLA_SERVICE_SECRET must be at least 32 bytes, got 7; make one with: openssl rand"
                + " -base64 48");
  }
}
