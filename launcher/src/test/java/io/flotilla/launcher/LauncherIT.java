package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import io.flotilla.testsupport.PromQueries;
import io.flotilla.testsupport.PromQueries.Query;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher as a person runs it: the built jar in its own JVM, every service inside it, asked
 * over real HTTP through the gateway, then stopped with SIGTERM like Ctrl-C.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

  /** Prometheus's and Grafana's files, checked against the running system. */
  private static final Path DEPLOY = Path.of("..", "deploy");

  private static final Path CLI_JAR = Path.of("..", "cli", "target", "flotilla-cli.jar");

  /**
   * A whole word or hashtag of a tweet: a link (https://example.com/...) is one token to search.
   */
  private static final Pattern WHOLE_WORD = Pattern.compile("(?<![^ #])[a-z]{6,}(?![^ ])");

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static LaunchedSystem system;
  private static int gatewayPort;
  private static int mathPort;
  private static int hardwarePort;
  private static int portalPort;
  private static int lunchPort;
  private static int menuPort;
  private static int usersPort;
  private static int tweetsPort;
  private static int searchPort;

  @BeforeAll
  static void startTheSystem() throws Exception {
    system = LaunchedSystem.start();
    gatewayPort = system.port("gateway");
    mathPort = system.port("math");
    hardwarePort = system.port("hardware");
    portalPort = system.port("portal");
    lunchPort = system.port("lunch");
    menuPort = system.port("menu");
    usersPort = system.port("users");
    tweetsPort = system.port("tweets");
    searchPort = system.port("search");
  }

  private static List<String> output() {
    return system.output();
  }

  @AfterAll
  static void stopTheSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void printsEveryServiceUrl() {
    assertThat(output())
        .anySatisfy(line -> assertThat(line).contains("math", "http://localhost:" + mathPort))
        .anySatisfy(
            line -> assertThat(line).contains("gateway", "http://localhost:" + gatewayPort));
  }

  @Test
  void gatewayAnswersMathInBothStyles() throws Exception {
    HttpResponse<String> query = get(gatewayPort, "/factorial?n=5");
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.body())
        .isEqualTo("{\"algo\":\"factorial\",\"result\":120,\"status\":\"success\"}");

    HttpResponse<String> path = get(gatewayPort, "/fibonacci/10/");
    assertThat(path.body()).isEqualTo("{\"response\":\"55\"}");
  }

  @Test
  void eachServiceAnswersOnItsOwnPort() throws Exception {
    assertThat(get(mathPort, "/ping").body()).isEqualTo("{\"message\":\"pong\"}");
    assertThat(get(mathPort, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(get(gatewayPort, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void portalThroughTheGatewayListsTheSeedHardwareFromTheHardwareService() throws Exception {
    HttpResponse<String> page = get(gatewayPort, "/portal/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .startsWith("<!DOCTYPE html>")
        .containsPattern("Amazon - c5: (HIGH|MEDIUM|LOW)")
        .containsPattern("Azure - H16mr: (HIGH|MEDIUM|LOW)");
  }

  @Test
  void sampleLunchUpstreamServesThe13Restaurants() throws Exception {
    HttpResponse<String> list = get(lunchPort, "/api/restaurant");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body().split("\"identifier\":")).hasSize(14);
    assertThat(get(lunchPort, "/api/restaurant/dufva").body()).contains("\"title\":\"Sven Dufva\"");
  }

  @Test
  void menusThroughTheGatewayComeFromTheRelayInFrontOfTheSampleUpstream() throws Exception {
    HttpResponse<String> first = get(gatewayPort, "/restaurant/dufva");
    HttpResponse<String> second = get(gatewayPort, "/restaurant/dufva");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .isEqualTo(get(lunchPort, "/api/restaurant/dufva").body())
        .contains("\"title\":\"Sven Dufva\"");
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(get(menuPort, "/restaurant").body().split("\"identifier\":")).hasSize(14);
  }

  /**
   * The hostile-client suite (HostileClients) on this same system, first, so that every test after
   * it also shows that the system came through.
   */
  @TestFactory
  @Order(1)
  Stream<DynamicNode> hostileClientsGetA4xxProblemAndTheSystemStaysUp() throws Exception {
    return HostileClients.against(system);
  }

  @Test
  void microblogThroughTheGatewaySignUpLogInPostFindEditDelete() throws Exception {
    String user = "it_" + Long.toString(System.nanoTime(), 36);
    signUp(user);

    HttpResponse<String> login =
        post(
            "/api/v1/auth/login",
            null,
            "{\"username\":\"%s\",\"password\":\"correct horse\"}".formatted(user));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = JsonPath.read(login.body(), "$.access_token");

    String word = "zeppelin" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    HttpResponse<String> posted =
        post(
            "/api/v1/tweets/",
            token,
            "{\"text\":\"Flying %s today\",\"tag\":\"technology\"}".formatted(word));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    int id = JsonPath.read(posted.body(), "$.id");
    assertThat(get(gatewayPort, "/api/v1/tweets/").body()).contains("Flying " + word + " today");

    String found = "\"id\":" + id + ",";
    assertThat(
            ServiceProcesses.eventually(
                () -> get(gatewayPort, "/api/v1/search/?keyword=" + word).body(),
                body -> body.contains(found)))
        .as("the tweet becomes searchable")
        .contains(found);

    HttpResponse<String> edited =
        send(
            HttpRequest.newBuilder(gateway("/api/v1/tweets/" + id))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"Landed safely\"}")));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(
            ServiceProcesses.eventually(
                () -> get(gatewayPort, "/api/v1/search/?keyword=" + word).body(),
                body -> body.equals("[]")))
        .as("the edit reaches search")
        .isEqualTo("[]");

    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(gateway("/api/v1/tweets/" + id))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(get(gatewayPort, "/api/v1/tweets/" + id).statusCode()).isEqualTo(404);
    assertThat(
            ServiceProcesses.eventually(
                () -> get(gatewayPort, "/api/v1/search/?keyword=landed").body(),
                body -> !body.contains(found)))
        .as("the delete reaches search")
        .doesNotContain(found);
  }

  /** Few, so that they do not crowd the other tests' searches out of their first page. */
  @Test
  void tweetsGeneratedFromTheCommandLineReachTheTimelinesAndSearch() throws Exception {
    var builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                CLI_JAR.toString(),
                "generate-tweets",
                "40",
                "--users",
                "2")
            .redirectErrorStream(true);
    // The secret the launcher wrote for the command line, as after ./flotilla up.
    builder.environment().remove("FLOTILLA_SERVICE_SECRET");
    builder.environment().put("FLOTILLA_DATA_DIR", system.dataDir().toString());
    builder.environment().put("TWEETS_PORT", Integer.toString(tweetsPort));
    Process generate = builder.start();
    String printed = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(generate.waitFor()).as(printed).isZero();
    assertThat(printed).contains("40 tweets written (");
    String timeline = get(gatewayPort, "/api/v1/tweets/gen_2?size=100").body();
    assertThat(timeline).startsWith("[{\"id\":").contains("\"username\":\"gen_2\"");
    Matcher tweets =
        Pattern.compile("\"id\":(\\d+),\"username\":\"gen_2\",\"text\":\"([^\"]*)\"")
            .matcher(timeline);
    String id = null;
    String keyword = null;
    while (keyword == null && tweets.find()) {
      Matcher word = WHOLE_WORD.matcher(tweets.group(2));
      if (word.find()) {
        id = tweets.group(1);
        keyword = word.group();
      }
    }
    assertThat(keyword).as(timeline).isNotNull();
    String found = "\"id\":" + id + ",";
    String query = "/api/v1/search/?size=100&keyword=" + keyword;
    assertThat(
            ServiceProcesses.eventually(
                () -> get(gatewayPort, query).body(), body -> body.contains(found)))
        .as("a generated tweet becomes searchable")
        .contains(found);
  }

  @Test
  void theDemoDataOfTheLaptopDefaultIsThere() throws Exception {
    HttpResponse<String> login =
        post(
            "/api/v1/auth/login", null, "{\"username\":\"karina\",\"password\":\"flotilla-demo\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(get(gatewayPort, "/api/v1/tweets/tags").body())
        .contains("\"name\":\"movies and tv\"");
    assertThat(
            ServiceProcesses.eventually(
                () -> get(gatewayPort, "/api/v1/search/?keyword=album").body(),
                body -> body.contains("riri give us the album")))
        .contains("riri give us the album");
  }

  /**
   * One client floods the CPU-heavy endpoints through the gateway, 48 failed logins 16 at a time
   * and 16 cold big factorials at once, while requests that need no heavy work keep being asked:
   * each of those is answered in full, and each flood request is answered or refused at once
   * (429/503), never a 504 or a timeout. Nothing here is timed: what fails is an error or no
   * answer.
   */
  @Test
  void aFloodOfHeavyWorkLeavesEveryOtherRequestAnswered() throws Exception {
    HttpResponse<String> timeline = get(gatewayPort, "/api/v1/tweets/?size=1");
    int id = JsonPath.read(timeline.body(), "$[0].id");
    String run = Long.toString(System.nanoTime(), 36);
    List<Integer> bigNs =
        new SecureRandom().ints(90_000, 100_001).distinct().limit(16).boxed().toList();

    List<Future<Integer>> flood = new ArrayList<>();
    try (ExecutorService logins = Executors.newFixedThreadPool(16);
        ExecutorService factorials = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 48; i++) {
        String body =
            "{\"username\":\"flood_%s_%d\",\"password\":\"not-the-password\"}".formatted(run, i);
        flood.add(logins.submit(() -> post("/api/v1/auth/login", null, body).statusCode()));
      }
      for (int n : bigNs) {
        flood.add(factorials.submit(() -> get(gatewayPort, "/factorial?n=" + n).statusCode()));
      }

      int rounds = 0;
      do {
        HttpResponse<String> ping = get(mathPort, "/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{\"message\":\"pong\"}");
        HttpResponse<String> tweet = get(gatewayPort, "/api/v1/tweets/" + id);
        assertThat(tweet.statusCode()).as(tweet.body()).isEqualTo(200);
        assertThat(tweet.body()).startsWith("{\"id\":" + id + ",");
        HttpResponse<String> publicTimeline = get(gatewayPort, "/api/v1/tweets/");
        assertThat(publicTimeline.statusCode()).as(publicTimeline.body()).isEqualTo(200);
        assertThat(publicTimeline.body()).startsWith("[{\"id\":");
        rounds++;
      } while (flood.stream().anyMatch(request -> !request.isDone()));
      assertThat(rounds).as("unrelated requests asked during the flood").isPositive();
    }
    for (Future<Integer> request : flood) {
      assertThat(request.get()).isIn(200, 401, 429, 503);
    }
  }

  @Test
  void theChangeFeedAndTheKeySetAreNotPublic() throws Exception {
    // Search follows the feed with the secret the launcher made; anyone else gets a 401.
    HttpResponse<String> feed = get(tweetsPort, "/internal/v1/changes");
    assertThat(feed.statusCode()).isEqualTo(401);
    assertThat(feed.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(get(gatewayPort, "/internal/v1/changes").statusCode()).isEqualTo(404);
    assertThat(get(gatewayPort, "/.well-known/jwks.json").statusCode()).isEqualTo(404);
  }

  @Test
  void everyMetricTheAlertsAndDashboardsQueryIsExposed() throws Exception {
    // Timers that appear with their first use: an upstream call of the menu relay, a computation
    // the math cache has not seen, a search, the portal's availability probes.
    get(gatewayPort, "/restaurant/glada");
    get(gatewayPort, "/factorial?n=" + (1000 + System.nanoTime() % 1000));
    get(gatewayPort, "/api/v1/search/?keyword=album");
    get(gatewayPort, "/portal/");
    Map<String, List<String>> queried = new TreeMap<>();
    for (Query query : queries()) {
      for (String metric : PromQueries.metricNames(query.expr())) {
        queried.computeIfAbsent(metric, name -> new ArrayList<>()).add(query.source());
      }
    }
    queried.remove("up"); // Prometheus's own

    assertThat(queried.keySet())
        .as("metrics in alerts.yml and the dashboards")
        .hasSizeGreaterThan(30);
    // A timer's first record may come after the requests above have answered.
    String exposed =
        ServiceProcesses.eventually(
            LauncherIT::scrapeEveryService,
            scrape -> queried.keySet().stream().allMatch(name -> isExposed(scrape, name)));
    Map<String, List<String>> missing = new TreeMap<>(queried);
    missing.keySet().removeIf(name -> isExposed(exposed, name));
    assertThat(missing).as("metrics queried (by) but not exposed").isEmpty();
  }

  /** The alert rules' and the Grafana dashboards' queries, as deploy/ has them. */
  private static List<Query> queries() {
    List<Query> queries =
        new ArrayList<>(PromQueries.alerts(DEPLOY.resolve("prometheus/alerts.yml")));
    queries.addAll(PromQueries.dashboards(DEPLOY.resolve("grafana/dashboards")));
    return queries;
  }

  /**
   * A sample of the series, exactly so named: a histogram's _bucket needs its buckets published.
   */
  private static boolean isExposed(String scrape, String metric) {
    return Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(scrape).find();
  }

  private static String scrapeEveryService() throws Exception {
    StringBuilder exposed = new StringBuilder();
    for (String service : LaunchedSystem.SERVICES) {
      exposed.append(get(system.managementPort(service), "/actuator/prometheus").body());
    }
    return exposed.toString();
  }

  @Test
  void theRealPrometheusScrapesEveryServiceAndLoadsTheRules() throws Exception {
    assumeTrue(RealPrometheus.installed(), RealPrometheus.MISSING);
    List<Integer> ports = LaunchedSystem.SERVICES.stream().map(system::managementPort).toList();
    try (RealPrometheus prometheus = RealPrometheus.scraping(ports)) {
      assertThat(prometheus.awaitTargetsUp(ports.size()))
          .as("all %d targets up", ports.size())
          .contains("\"" + ports.size() + "\"]");
      assertThat(prometheus.query("sum(menu_cache_requests_total)"))
          .contains("\"status\":\"success\"");
      assertThat(prometheus.api("/api/v1/rules"))
          .contains("FlotillaInstanceDown", "FlotillaMenuUpstreamFailing");
      // Parsed by promtool in deploy/; here each must also evaluate (no many-to-many matches).
      for (Query query : PromQueries.dashboards(DEPLOY.resolve("grafana/dashboards"))) {
        assertThat(prometheus.query(PromQueries.withSampleValues(query.expr())))
            .as(query.source())
            .contains("\"status\":\"success\"");
      }
    }
  }

  @Test
  void eachLineNamesTheServiceThatWroteIt() {
    // Tomcat logs through the JVM's one java.util.logging: each service's own start-up lines.
    for (String service : List.of("hardware", "lunch", "users", "tweets", "search")) {
      assertThat(output())
          .as("%s's Tomcat line under its own name", service)
          .anySatisfy(line ->
              assertThat(line)
                  .contains("[" + service + "] [", "start-" + service, "Starting Servlet engine"));
    }
    assertThat(output())
        .noneSatisfy(line -> assertThat(line).containsPattern("\\[math\\] \\[ *start-(?!math)"));
  }

  @Test
  void oneRequestCanBeFollowedThroughTheLogsOfEveryServiceItTouched() throws Exception {
    String traceId = HexFormat.of().formatHex(SecureRandom.getSeed(16));
    // A restaurant no other test asks for, so the relay asks the lunch service too.
    HttpResponse<String> menu =
        send(
            HttpRequest.newBuilder(gateway("/restaurant/hubben"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    assertThat(menu.statusCode()).isEqualTo(200);

    for (String service : List.of("gateway", "menu", "lunch")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() ->
              assertThat(output())
                  .as("%s's request line with trace %s", service, traceId)
                  .anySatisfy(line ->
                      assertThat(line)
                          .contains("[" + service + "]", "[" + traceId + "-", "flotilla.request")));
    }
  }

  @Test
  void everyApiDocumentIsOneAClientCanUse() throws Exception {
    for (String service : List.of("math", "menu", "users", "tweets", "search")) {
      HttpResponse<String> answer = get(gatewayPort, "/v3/api-docs/" + service);
      assertThat(answer.statusCode()).as(service).isEqualTo(200);
      Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(answer.body(), "$.paths");
      List<String> ids = new ArrayList<>();
      paths.forEach((path, operations) -> {
        assertThat(path.endsWith("/") && paths.containsKey(path.substring(0, path.length() - 1)))
            .as("%s lists %s with and without its trailing slash", service, path)
            .isFalse();
        operations.forEach((method, operation) -> {
          String where = service + " " + method.toUpperCase() + " " + path;
          ids.add((String) operation.get("operationId"));
          assertThat((String) operation.get("operationId"))
              .as("%s: a readable operation id", where)
              .matches("[a-z][A-Za-z0-9]*");
          assertThat((List<?>) operation.get("tags"))
              .as("%s: tagged by resource", where)
              .noneSatisfy(tag -> assertThat((String) tag).endsWith("-controller"));
          boolean input =
              operation.containsKey("parameters") || operation.containsKey("requestBody");
          if (input && !service.equals("math")) {
            assertThat(JsonPath.<Map<String, Object>>read(operation, "$.responses.400.content"))
                .as("%s: documents its 400 problem", where)
                .containsKey("application/problem+json");
          }
          if (operation.containsKey("security")) {
            assertThat(JsonPath.<Map<String, Object>>read(operation, "$.responses"))
                .as("%s: documents its 401 and 403", where)
                .containsKeys("401", "403");
          }
        });
      });
      assertThat(ids).as("%s's operation ids", service).doesNotHaveDuplicates();
    }

    String users = get(gatewayPort, "/v3/api-docs/users").body();
    assertThat(JsonPath.<Map<String, Object>>read(users, "$.paths['/api/v1/users'].post.responses"))
        .containsKey("201");
    assertThat(JsonPath.<String>read(users, "$.components.securitySchemes.bearer.scheme"))
        .isEqualTo("bearer");
    String tweets = get(gatewayPort, "/v3/api-docs/tweets").body();
    assertThat(
            JsonPath.<Map<String, Object>>read(tweets, "$.paths['/api/v1/tweets'].post.responses"))
        .containsKey("201");
    assertThat(
            JsonPath.<Map<String, Object>>read(
                tweets, "$.paths['/api/v1/tweets/{id}'].delete.responses"))
        .containsKey("204");
    assertThat(JsonPath.<List<Object>>read(tweets, "$.paths['/api/v1/tweets'].post.security"))
        .isEqualTo(List.of(Map.of("bearer", List.of())));
    assertThat(JsonPath.<Map<String, Object>>read(tweets, "$.components.schemas.Write.properties"))
        .as("nothing advertised that the API refuses")
        .containsOnlyKeys("text", "tag", "private");
    String math = get(gatewayPort, "/v3/api-docs/math").body();
    assertThat(JsonPath.<Map<String, Object>>read(math, "$.paths")).doesNotContainKey("/");
    assertThat(JsonPath.<String>read(math, "$.paths['/factorial'].get.parameters[0].name"))
        .isEqualTo("n");
    assertThat(JsonPath.<Object>read(math, "$.paths['/factorial'].get.parameters[0].schema"))
        .asString()
        .contains("integer", "100000");
  }

  @Test
  void theCommandLineSaysEveryServiceIsUp() throws Exception {
    assertThat(CLI_JAR).as("the command line's jar, built before the launcher").exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process status =
        new ProcessBuilder(java, "-jar", CLI_JAR.toString(), "status", "--url", system.gatewayUrl())
            .redirectErrorStream(true)
            .start();
    String printed = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(status.waitFor()).as(printed).isZero();
    assertThat(printed.lines())
        .first()
        .asString()
        .startsWith("Flotilla at " + system.gatewayUrl() + " is UP (checked ");
    assertThat(printed.lines().skip(1))
        .extracting(line -> line.strip().split(" +", 3)[0] + " " + line.strip().split(" +", 3)[1])
        .containsExactly("math UP", "menu UP", "portal UP", "search UP", "tweets UP", "users UP");
  }

  @Test
  void aFaultSwitchedOnWithTheCommandLineIsWhatTheGatewayAnswers() throws Exception {
    String switched = faults("tweets", "--outage");
    try {
      assertThat(switched)
          .isEqualTo(
              "tweets at http://localhost:"
                  + system.managementPort("tweets")
                  + ": delay=0s errorRate=0.0 outage=true\n");
      HttpResponse<String> tweets = get(gatewayPort, "/api/v1/tweets/");
      assertThat(tweets.statusCode()).isEqualTo(503);
      assertThat(tweets.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(tweets.body())
          .contains("\"detail\":\"The tweets service is unavailable (injected fault: outage).\"");
      assertThat(get(tweetsPort, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(gatewayPort, "/api/v1/users/karina").statusCode()).isEqualTo(200);
    } finally {
      assertThat(faults("tweets", "--off")).endsWith(": delay=0s errorRate=0.0 outage=false\n");
    }
    assertThat(get(gatewayPort, "/api/v1/tweets/").statusCode()).isEqualTo(200);
  }

  /**
   * {@code flotilla faults SERVICE OPTIONS...} from the command line's jar, as after {@code
   * ./flotilla up}: no secret in the environment, the one the launcher wrote to its data directory
   * signs the token. What it printed.
   */
  private static String faults(String service, String... options) throws Exception {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-jar",
            CLI_JAR.toString(),
            "faults",
            service));
    command.addAll(List.of(options));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .put(
            service.toUpperCase(Locale.ROOT) + "_MANAGEMENT_PORT",
            Integer.toString(system.managementPort(service)));
    builder.environment().put("FLOTILLA_DATA_DIR", system.dataDir().toString());
    builder.environment().remove("FLOTILLA_SERVICE_SECRET");
    Process process = builder.start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(printed).isZero();
    return printed;
  }

  @Test
  void actuatorAnswersOnlyOnEachManagementPortNeverThroughTheGateway() throws Exception {
    for (String path :
        List.of("/actuator/info", "/actuator/prometheus", "/actuator/health", "/actuator/faults")) {
      HttpResponse<String> gateway = get(gatewayPort, path);
      assertThat(gateway.statusCode()).as("gateway %s", path).isEqualTo(404);
      assertThat(gateway.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    for (String service : LaunchedSystem.SERVICES) {
      assertThat(get(system.port(service), "/actuator/info").statusCode())
          .as("%s's own port", service)
          .isEqualTo(404);
      // The fault switch: on every servlet service's management port, never on its own port, and
      // only for a service token for the service.
      assertThat(get(system.port(service), "/actuator/faults").statusCode())
          .as("%s's own port", service)
          .isEqualTo(404);
      assertThat(get(system.managementPort(service), "/actuator/faults").statusCode())
          .as("%s's management port without a token", service)
          .isEqualTo(service.equals("gateway") ? 404 : 401);
      assertThat(
              send(HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + system.managementPort(service)
                                  + "/actuator/faults"))
                      .header("Authorization", "Bearer " + serviceToken(service)))
                  .statusCode())
          .as("%s's management port with a token for it", service)
          .isEqualTo(service.equals("gateway") ? 404 : 200);
      assertThat(get(system.managementPort(service), "/actuator/health/readiness").body())
          .as("%s's management port", service)
          .contains("\"status\":\"UP\"");
      // Probes and the original /health stay where orchestrators and clients look for them.
      assertThat(get(system.port(service), "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(system.port(service), "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void hardwareIsPrivateTheGatewayNeverRoutesToIt() throws Exception {
    assertThat(get(hardwarePort, "/hardware/").statusCode()).as("hardware is up").isEqualTo(200);
    HttpResponse<String> write =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + hardwarePort + "/hardware/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"x\",\"name\":\"y\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).as("a write without a service token").isEqualTo(401);

    for (String path : List.of("/hardware/", "/hardware", "/hardware/1", "/portal/hardware/")) {
      HttpResponse<String> answer = get(gatewayPort, path);
      assertThat(answer.body()).as(path).doesNotContain("\"provider\"");
      if (!path.startsWith("/portal/")) {
        assertThat(answer.statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void sigtermStopsEveryServiceGracefully() throws Exception {
    int exitCode = system.stopGracefully();

    assertThat(output())
        .as("output after SIGTERM, exit code %d", exitCode)
        .anySatisfy(line -> assertThat(line).contains("[math]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[hardware]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[portal]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[lunch]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[menu]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[users]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[tweets]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[search]", "Graceful shutdown complete"))
        .anySatisfy(line -> assertThat(line).contains("[gateway]", "Graceful shutdown complete"));
  }

  /** A new account through the gateway, with the password "correct horse". */
  private static void signUp(String username) throws Exception {
    HttpResponse<String> signUp =
        post(
            "/api/v1/users",
            null,
            "{\"username\":\"%s\",\"password\":\"correct horse\",\"email\":\"%s@example.com\",\"first_name\":\"Integration\",\"last_name\":\"Test\"}"
                .formatted(username, username));
    assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
  }

  private static URI gateway(String path) {
    return URI.create("http://localhost:" + gatewayPort + path);
  }

  private static HttpResponse<String> post(String path, String token, String json)
      throws Exception {
    var request =
        HttpRequest.newBuilder(gateway(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A service token for the service, signed with the secret the launcher wrote for the CLI. */
  private static String serviceToken(String service) throws Exception {
    String secret = Files.readString(system.dataDir().resolve("service-secret"));
    long expires = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
    return Jwts.hs256(
        "{\"alg\":\"HS256\"}", Jwts.serviceClaims("operator", service, expires), secret);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
