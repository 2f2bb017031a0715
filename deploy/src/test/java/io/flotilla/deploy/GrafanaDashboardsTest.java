package io.flotilla.deploy;

import static io.flotilla.deploy.RenderedManifests.at;
import static io.flotilla.deploy.RenderedManifests.map;
import static io.flotilla.deploy.RenderedManifests.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.PromQueries;
import io.flotilla.testsupport.PromQueries.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Grafana provisioning files and dashboards are complete and every query in them parses. That
 * every metric they query is really exposed is checked against the running system, in the
 * launcher's LauncherIT.
 */
class GrafanaDashboardsTest {

  private static final Path GRAFANA = Path.of("grafana");
  private static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A range in a query: {@code [5m]}, {@code [$__rate_interval]}, a subquery's {@code [1h:]}. */
  private static final Pattern RANGE = Pattern.compile("\\[([^]]*)]");

  static Stream<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void theDataSourceIsPrometheusAtItsComposeAddressUnderTheUidTheDashboardsUse()
      throws IOException {
    Map<String, Object> source = dataSource();

    assertThat(source)
        .containsEntry("type", "prometheus")
        .containsEntry("url", "http://prometheus:9090")
        .containsEntry("uid", "flotilla-prometheus")
        .containsEntry("isDefault", true);
  }

  @Test
  void theProviderLoadsTheDashboardsFromWhereComposeMountsThem() throws IOException {
    var providers =
        maps(read(GRAFANA.resolve("provisioning/dashboards/flotilla.yaml")).get("providers"));

    assertThat(providers).hasSize(1);
    assertThat(providers.getFirst()).containsEntry("type", "file");
    assertThat(at(providers.getFirst(), "options", "path"))
        .isEqualTo("/var/lib/grafana/dashboards");
  }

  @Test
  void thereIsADashboardPerSystemAndOneForTheJvmsEachWithItsOwnUid() throws IOException {
    List<String> names = new ArrayList<>();
    Set<Object> uids = new HashSet<>();
    for (Path file : dashboards().toList()) {
      names.add(file.getFileName().toString());
      assertThat(uids.add(dashboard(file).get("uid"))).as("uid of %s is its own", file).isTrue();
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "overview.json",
            "math.json",
            "menu.json",
            "inventory.json",
            "microblog.json",
            "jvm.json");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyDashboardHasATitleAUidTheSchemaAndUniquePanelIds(Path file) throws IOException {
    Map<String, Object> dashboard = dashboard(file);

    assertThat((String) dashboard.get("title")).as("title").startsWith("Flotilla / ");
    assertThat((String) dashboard.get("uid")).as("uid").matches("flotilla-[a-z]+");
    assertThat((Integer) dashboard.get("schemaVersion")).as("schemaVersion").isBetween(36, 41);
    List<Object> ids = new ArrayList<>();
    for (Map<String, Object> panel : panels(dashboard)) {
      assertThat((String) panel.get("title")).as("a panel's title").isNotBlank();
      assertThat(panel.get("id")).as("id of " + panel.get("title")).isInstanceOf(Integer.class);
      ids.add(panel.get("id"));
    }
    assertThat(ids).hasSizeGreaterThan(4).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyPanelAndVariableQueriesTheProvisionedDataSource(Path file) throws IOException {
    Object uid = dataSource().get("uid");
    Map<String, Object> dashboard = dashboard(file);
    for (Map<String, Object> panel : panels(dashboard)) {
      if (panel.get("type").equals("row")) {
        continue;
      }
      String where = "panel " + panel.get("title");
      assertThat(at(panel, "datasource", "uid")).as(where).isEqualTo(uid);
      assertThat(maps(panel.get("targets"))).as(where + " has queries").isNotEmpty();
      for (Map<String, Object> target : maps(panel.get("targets"))) {
        assertThat(at(target, "datasource", "uid")).as(where + " target").isEqualTo(uid);
        assertThat((String) target.get("expr")).as(where + " expr").isNotBlank();
      }
    }
    for (Map<String, Object> variable : maps(at(dashboard, "templating", "list"))) {
      if (variable.get("type").equals("query")) {
        assertThat(at(variable, "datasource", "uid"))
            .as("variable " + variable.get("name"))
            .isEqualTo(uid);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void ratesFollowGrafanasRateIntervalAndPercentilesComeFromHistogramBuckets(Path file) {
    List<Query> queries = PromQueries.dashboard(file);
    assertThat(queries).isNotEmpty();
    for (Query query : queries) {
      Matcher range = RANGE.matcher(query.expr());
      while (range.find()) {
        // A fixed range is too short at a long scrape interval and hides detail on a zoom-in.
        assertThat(range.group(1)).as(query.source()).isEqualTo("$__rate_interval");
      }
      if (query.expr().contains("histogram_quantile")) {
        assertThat(query.expr()).as(query.source()).contains("_bucket", "le");
      }
    }
  }

  @Test
  void promtoolParsesEveryQueryOfEveryDashboard(@TempDir Path dir) throws Exception {
    Promtool.assumeInstalled("the dashboards' queries are not parsed");
    List<Query> queries = PromQueries.dashboards(DASHBOARDS);

    Promtool.Result check = checkAsRules(dir, queries);

    assertThat(queries).hasSizeGreaterThan(50);
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + queries.size() + " rules found");
  }

  @Test
  void promtoolRejectsAQueryThatDoesNotParse(@TempDir Path dir) throws Exception {
    Promtool.assumeInstalled("the dashboards' queries are not parsed");

    Promtool.Result check =
        checkAsRules(dir, List.of(new Query("broken", "sum by (le (rate(x_total[1m]))")));

    assertThat(check.exitCode()).as(check.output()).isNotZero();
  }

  /**
   * Each query, with Grafana's variables given values, as a recording rule, so that {@code promtool
   * check rules} parses it exactly as Prometheus will.
   */
  private static Promtool.Result checkAsRules(Path dir, List<Query> queries) throws Exception {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Query query : queries) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("record", "dashboard:query_" + rules.size());
      rule.put("expr", PromQueries.withSampleValues(query.expr()));
      rule.put("labels", Map.of("source", query.source()));
      rules.add(rule);
    }
    Map<String, Object> file =
        Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)));
    Files.writeString(dir.resolve("dashboards.rules.yml"), YAML.writeValueAsString(file));
    return Promtool.run(dir, "check", "rules", "dashboards.rules.yml");
  }

  /** Every panel, those inside rows too. */
  private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Map<String, Object> panel : maps(dashboard.get("panels"))) {
      all.add(panel);
      all.addAll(maps(panel.get("panels")));
    }
    return all;
  }

  private static Map<String, Object> dataSource() throws IOException {
    var sources =
        maps(read(GRAFANA.resolve("provisioning/datasources/prometheus.yaml")).get("datasources"));
    assertThat(sources).hasSize(1);
    return sources.getFirst();
  }

  private static Map<String, Object> dashboard(Path file) throws IOException {
    return map(JSON.readValue(Files.readString(file), Map.class));
  }

  private static Map<String, Object> read(Path yaml) throws IOException {
    return map(YAML.readValue(Files.readString(yaml), Map.class));
  }
}
