package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void itIsWrittenForTheCommandLineReadableByItsOwnerOnly(@TempDir Path temp) throws Exception {
    Path data = temp.resolve("data");

    Path file = ServiceSecret.write(data, "the first start's secret, 32 bytes or more");

    assertThat(file).isEqualTo(data.resolve("service-secret"));
    assertThat(file).hasContent("the first start's secret, 32 bytes or more");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void eachStartReplacesTheLastOnesSecret(@TempDir Path data) throws Exception {
    Path file = data.resolve("service-secret");
    Files.writeString(file, "an earlier start's secret, readable by all");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    ServiceSecret.write(data, "this start's secret, 32 bytes or more");

    assertThat(file).hasContent("this start's secret, 32 bytes or more");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var left = Files.list(data)) {
      assertThat(left).containsExactly(file);
    }
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
