package io.flotilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Prometheus configuration and alert rules are well-formed and complete. That every metric the
 * rules query is really exposed is checked against the running system, in the launcher's
 * LauncherIT.
 */
class PrometheusConfigTest {

  private static final Path PROMETHEUS = Path.of("prometheus");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  @SuppressWarnings("unchecked")
  void theScrapeConfigCoversEveryServiceAndLoadsTheRules() throws IOException {
    Map<String, Object> config = read("prometheus.yml");

    assertThat((List<String>) config.get("rule_files")).containsExactly("alerts.yml");
    var job = ((List<Map<String, Object>>) config.get("scrape_configs")).getFirst();
    assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
    var targets =
        (List<String>)
            ((List<Map<String, Object>>) job.get("static_configs")).getFirst().get("targets");
    assertThat(targets)
        .containsExactlyInAnyOrder(
            "localhost:9080",
            "localhost:9081",
            "localhost:9082",
            "localhost:9083",
            "localhost:9084",
            "localhost:9085",
            "localhost:9086",
            "localhost:9087",
            "localhost:9089");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theComposeVariantScrapesTheSameServicesByTheirComposeNames() throws IOException {
    Map<String, Object> config = read("prometheus-compose.yml");

    assertThat((List<String>) config.get("rule_files")).containsExactly("alerts.yml");
    var job = ((List<Map<String, Object>>) config.get("scrape_configs")).getFirst();
    assertThat(job)
        .containsEntry("job_name", "flotilla")
        .containsEntry("metrics_path", "/actuator/prometheus");
    var targets =
        (List<String>)
            ((List<Map<String, Object>>) job.get("static_configs")).getFirst().get("targets");
    assertThat(targets)
        .containsExactlyInAnyOrderElementsOf(
            ComposeFileTest.FLOTILLA.entrySet().stream()
                .map(service ->
                    service.getKey() + ":" + ComposeFileTest.managementPort(service.getValue()))
                .toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertHasAnExpressionADurationASeverityAndASummary() throws IOException {
    var groups = (List<Map<String, Object>>) read("alerts.yml").get("groups");
    var rules = (List<Map<String, Object>>) groups.getFirst().get("rules");

    assertThat(rules)
        .extracting(rule -> rule.get("alert"))
        .contains(
            "FlotillaInstanceDown",
            "FlotillaHighErrorRate",
            "FlotillaSlowRequests",
            "FlotillaMenuUpstreamFailing");
    assertThat(rules)
        .allSatisfy(rule -> {
          assertThat((String) rule.get("expr")).isNotBlank();
          assertThat((String) rule.get("for")).matches("\\d+[smh]");
          assertThat((Map<String, Object>) rule.get("labels"))
              .containsKey("severity")
              .extractingByKey("severity")
              .isIn("page", "ticket");
          assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"prometheus.yml", "prometheus-compose.yml"})
  void promtoolAcceptsTheConfigAndItsRules(String file) throws Exception {
    Promtool.assumeInstalled("the configuration and its rules are not checked by it");
    Promtool.Result check = Promtool.run(PROMETHEUS, "check", "config", file);

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 1 rule files found");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String file) throws IOException {
    return YAML.readValue(Files.readString(PROMETHEUS.resolve(file)), Map.class);
  }
}
