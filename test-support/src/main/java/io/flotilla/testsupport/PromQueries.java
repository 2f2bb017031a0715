package io.flotilla.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The PromQL that Flotilla's alert rules ({@code deploy/prometheus/alerts.yml}) and Grafana
 * dashboards ({@code deploy/grafana/dashboards/*.json}) run, and the metric names in it. One place
 * for the deploy module's checks (promtool parses every expression) and the launcher's (the running
 * system exposes every metric), so that both look at the same expressions.
 */
public final class PromQueries {

  /** An expression and where it comes from, for failure messages: {@code menu.json: Hit ratio}. */
  public record Query(String source, String expr) {}

  /** Grafana's variables in a dashboard query: {@code $name}, {@code ${name}}, {@code [[name]]}. */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

  /** A query variable's {@code label_values(selector, label)}: the selector is PromQL. */
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$", Pattern.DOTALL);

  private static final Pattern QUERY_RESULT =
      Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

  private static final Pattern STRINGS =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LISTS =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

  /**
   * A name that does not start inside a word or number ({@code 5m}, {@code 1e3}) and is not called
   * like a function; possessive, so that {@code rate(} does not match as {@code rat}.
   */
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PromQueries() {}

  /** Every alert rule's {@code expr}, named by its alert. */
  public static List<Query> alerts(Path rulesFile) {
    List<Query> queries = new ArrayList<>();
    for (JsonNode group : read(YAML, rulesFile).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String name = rule.path("alert").asString(rule.path("record").asString(""));
        queries.add(new Query(rulesFile.getFileName() + ": " + name, rule.path("expr").asString()));
      }
    }
    return queries;
  }

  /** Every dashboard file's queries, files in name order. */
  public static List<Query> dashboards(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .flatMap(file -> dashboard(file).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A dashboard's PromQL: every panel target's {@code expr} (panels inside rows too) and the
   * selector of every query variable, with Grafana's variables still in it.
   */
  public static List<Query> dashboard(Path file) {
    JsonNode dashboard = read(JSON, file);
    List<Query> queries = new ArrayList<>();
    collectTargets(file.getFileName().toString(), dashboard.path("panels"), queries);
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asString("").equals("query")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asString("") : query.asString("");
        String source = file.getFileName() + ": variable " + variable.path("name").asString("");
        for (Pattern wrapper : List.of(LABEL_VALUES, QUERY_RESULT)) {
          Matcher inner = wrapper.matcher(text);
          if (inner.matches()) {
            queries.add(new Query(source, inner.group(1).strip()));
          }
        }
      }
    }
    return queries;
  }

  private static void collectTargets(String file, JsonNode panels, List<Query> queries) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asString("");
        if (!expr.isBlank()) {
          queries.add(new Query(file + ": " + panel.path("title").asString(""), expr));
        }
      }
      collectTargets(file, panel.path("panels"), queries);
    }
  }

  /**
   * The expression as Prometheus would get it from Grafana: the interval variables become {@code
   * 1m}, any other variable {@code .*} (dashboards use them only in regex label matchers).
   */
  public static String withSampleValues(String expr) {
    return VARIABLE
        .matcher(expr)
        .replaceAll(variable -> {
          String name =
              Stream.of(variable.group(1), variable.group(2), variable.group(3))
                  .filter(Objects::nonNull)
                  .findFirst()
                  .orElseThrow();
          return switch (name) {
            case "__rate_interval", "__interval", "__range" -> "1m";
            default -> Matcher.quoteReplacement(".*");
          };
        });
  }

  /**
   * The metric names an expression selects, exactly as scraped: {@code x_bucket} stays {@code
   * x_bucket}, so a histogram whose buckets are not published does not pass for its {@code _count}.
   * Label matchers, strings, ranges, grouping labels, functions and keywords are not names.
   */
  public static Set<String> metricNames(String expr) {
    String bare = STRINGS.matcher(withSampleValues(expr)).replaceAll(" ");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = LABEL_LISTS.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(bare);
    while (name.find()) {
      if (!KEYWORDS.contains(name.group().toLowerCase(Locale.ROOT))) {
        names.add(name.group());
      }
    }
    return names;
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
