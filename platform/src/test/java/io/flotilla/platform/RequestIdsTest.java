package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void newIdsAreVersion4UuidsWithTheIetfVariant() {
    UUID id = UUID.fromString(RequestIds.newId());

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void newIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(RequestIds.newId());
    }

    assertThat(ids).hasSize(100_000);
  }

  @Test
  void aSafeCallerIdIsKeptAndAnUnsafeOneReplaced() {
    assertThat(RequestIds.acceptOrCreate("order-42")).isEqualTo("order-42");
    assertThat(RequestIds.acceptOrCreate("evil\nline")).isNotEqualTo("evil\nline").hasSize(36);
  }
}
