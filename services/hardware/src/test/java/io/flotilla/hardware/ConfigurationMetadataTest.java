package io.flotilla.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build writes Boot's configuration metadata for the {@code flotilla.*} records, so an IDE
 * completes and explains them: the annotation processor is named in the parent pom, since javac 23
 * and later run none that is only on the class path.
 */
class ConfigurationMetadataTest {

  @Test
  void everyProbeSettingIsDescribedWithItsTypeAndDefault() throws IOException {
    List<Map<String, Object>> properties;
    try (InputStream json =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(json).as("metadata written by the configuration processor").isNotNull();
      properties = JsonPath.read(json, "$.properties[?(@.name =~ /flotilla\\.hardware\\..*/)]");
    }

    assertThat(properties)
        .extracting(
            property -> property.get("name"),
            property -> property.get("type"),
            property -> property.get("defaultValue"))
        .containsExactlyInAnyOrder(
            tuple("flotilla.hardware.probe.cache-size", "java.lang.Long", 10000),
            tuple("flotilla.hardware.probe.deadline", "java.time.Duration", "8s"),
            tuple("flotilla.hardware.probe.delay", "java.time.Duration", "5s"),
            tuple("flotilla.hardware.probe.ttl", "java.time.Duration", "60s"));
    assertThat(properties)
        .allSatisfy(property -> assertThat((String) property.get("description")).isNotBlank());
  }
}
