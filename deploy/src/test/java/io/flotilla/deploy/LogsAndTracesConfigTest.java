package io.flotilla.deploy;

import static io.flotilla.deploy.RenderedManifests.at;
import static io.flotilla.deploy.RenderedManifests.list;
import static io.flotilla.deploy.RenderedManifests.map;
import static io.flotilla.deploy.RenderedManifests.maps;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The files compose.yaml mounts for logs and traces agree with it and with each other: Filebeat
 * keeps every Flotilla service's lines, the Kibana searches point at a data view that is imported
 * with them, the collector receives where the services send and sends on to Jaeger.
 */
class LogsAndTracesConfigTest {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void filebeatKeepsTheLinesOfEveryFlotillaServiceAndSendsThemToElasticsearch() throws IOException {
    Map<String, Object> filebeat = yaml("logs/filebeat.yml");

    var kept =
        maps(at(maps(filebeat.get("processors")).getFirst(), "drop_event", "when", "not", "or"))
            .stream()
            .map(condition -> at(condition, "equals", "service.name"))
            .toList();
    assertThat(kept).containsExactlyInAnyOrderElementsOf(ComposeFileTest.FLOTILLA.keySet());
    assertThat(list(at(filebeat, "output.elasticsearch", "hosts")))
        .containsExactly("http://elasticsearch:9200");
    assertThat(composeText()).contains("\n  elasticsearch:\n");
  }

  @Test
  void theSavedSearchesForErrorsAndTimingsUseTheImportedDataView() throws IOException {
    List<Map<String, Object>> objects =
        Files.readAllLines(Path.of("logs/kibana/saved-objects.ndjson")).stream()
            .filter(line -> !line.isBlank())
            .map(LogsAndTracesConfigTest::json)
            .toList();
    var dataViews =
        objects.stream().filter(o -> "index-pattern".equals(o.get("type"))).map(o -> o.get("id"));
    var searches = objects.stream().filter(o -> "search".equals(o.get("type"))).toList();

    assertThat(searches)
        .extracting(search -> at(search, "attributes", "title"))
        .containsExactlyInAnyOrder("Flotilla errors", "Flotilla timings");
    List<Object> views = dataViews.toList();
    for (var search : searches) {
      assertThat(maps(search.get("references")))
          .extracting(reference -> reference.get("id"))
          .isNotEmpty()
          .allSatisfy(id -> assertThat(views).contains(id));
      var source =
          json((String) at(search, "attributes", "kibanaSavedObjectMeta", "searchSourceJSON"));
      assertThat(at(source, "query", "language")).isEqualTo("kuery");
    }
    assertThat(query(searches, "Flotilla errors")).contains("log.level : \"ERROR\"");
    assertThat(query(searches, "Flotilla timings")).contains("event.duration_ms");
  }

  @Test
  void theCollectorReceivesWhereTheServicesSendAndSendsOnToJaeger() throws IOException {
    Map<String, Object> collector = yaml("otel/collector.yaml");

    assertThat(at(collector, "receivers", "otlp", "protocols", "http", "endpoint"))
        .isEqualTo("0.0.0.0:4318");
    assertThat(composeText())
        .contains(
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT: http://otel-collector:4318/v1/traces")
        .contains("\n  otel-collector:\n")
        .contains("\n  jaeger:\n");
    assertThat(at(collector, "exporters", "otlp/jaeger", "endpoint")).isEqualTo("jaeger:4317");
    var traces = map(at(collector, "service", "pipelines", "traces"));
    assertThat(list(traces.get("receivers"))).containsExactly("otlp");
    assertThat(list(traces.get("exporters"))).containsExactly("otlp/jaeger");
  }

  private static String query(List<Map<String, Object>> searches, String title) {
    var search =
        searches.stream()
            .filter(s -> title.equals(at(s, "attributes", "title")))
            .findFirst()
            .orElseThrow();
    var source =
        json((String) at(search, "attributes", "kibanaSavedObjectMeta", "searchSourceJSON"));
    return Objects.toString(at(source, "query", "query"));
  }

  private static String composeText() throws IOException {
    return Files.readString(Path.of("compose.yaml"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws IOException {
    return YAML.readValue(Files.readString(Path.of(file)), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return JSON.readValue(text, Map.class);
  }
}
