package io.flotilla.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.PromQueries.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromQueriesTest {

  @Test
  void metricNamesAreTheSelectedSeriesNotFunctionsLabelsStringsOrKeywords() {
    String expr =
        """
        histogram_quantile(0.99, sum by (le, routeId) (rate(
          spring_cloud_gateway_requests_seconds_bucket{routeId=~"$route", status!~"up|down"}[$__rate_interval])))
          / on (routeId) group_left sum without (instance) (rate(other_total[5m] offset 1m))
          > bool 0.5e3 and max(up) unless process_uptime_seconds
        """;

    assertThat(PromQueries.metricNames(expr))
        .containsExactly(
            "other_total",
            "process_uptime_seconds",
            "spring_cloud_gateway_requests_seconds_bucket",
            "up");
  }

  @Test
  void aHistogramSuffixIsPartOfTheName() {
    assertThat(
            PromQueries.metricNames(
                "sum(rate(x_seconds_sum[1m])) / sum(rate(x_seconds_count[1m]))"))
        .containsExactly("x_seconds_count", "x_seconds_sum");
  }

  @Test
  void grafanasVariablesGetValuesPrometheusAccepts() {
    assertThat(
            PromQueries.withSampleValues(
                "rate(a{instance=~\"$instance\", app=~\"${application}\", b=~\"[[b]]\"}[$__rate_interval])"
                    + "[${__range}:$__interval]"))
        .isEqualTo("rate(a{instance=~\".*\", app=~\".*\", b=~\".*\"}[1m])[1m:1m]");
  }

  @Test
  void aDashboardsQueriesAreItsTargetsInRowsTooAndItsVariablesSelectors(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("d.json");
    Files.writeString(
        file,
        """
        {"panels": [
          {"title": "A", "targets": [{"expr": "sum(a_total)"}, {"expr": ""}]},
          {"type": "row", "title": "R", "panels": [
            {"title": "B", "targets": [{"expr": "b_total{x=\\"1\\"}"}]}]}],
         "templating": {"list": [
          {"name": "app", "type": "query", "query": "label_values(c_total{job=\\"j\\"}, application)"},
          {"name": "inst", "type": "query",
           "query": {"query": "label_values(d_seconds_count, instance)", "refId": "X"}},
          {"name": "all", "type": "query", "query": "label_values(instance)"},
          {"name": "c", "type": "custom", "query": "a,b"}]}}
        """);

    assertThat(PromQueries.dashboard(file))
        .containsExactly(
            new Query("d.json: A", "sum(a_total)"),
            new Query("d.json: B", "b_total{x=\"1\"}"),
            new Query("d.json: variable app", "c_total{job=\"j\"}"),
            new Query("d.json: variable inst", "d_seconds_count"));
  }

  @Test
  void alertRulesAreNamedByTheirAlert(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("alerts.yml");
    Files.writeString(
        file,
        """
        groups:
          - name: g
            rules:
              - alert: Down
                expr: up == 0
        """);

    assertThat(PromQueries.alerts(file)).containsExactly(new Query("alerts.yml: Down", "up == 0"));
  }
}
