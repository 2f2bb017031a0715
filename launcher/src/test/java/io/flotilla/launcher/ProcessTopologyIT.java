package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.testsupport.FreePorts;
import io.flotilla.testsupport.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./flotilla cluster} as a person runs it: the supervisor in its own JVM, each service in
 * another, on the real PostgreSQL, MariaDB and Redis; asked through the gateway, with a menu and a
 * hardware replica killed on the way, and a service killed and started again by the supervisor.
 * Runs only when the servers' URLs are given (.ci/run gives them when they answer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessTopologyIT {

  private static final String POSTGRES = TestServer.POSTGRES.url();
  private static final String MARIADB = TestServer.MARIADB.url();
  private static final String REDIS = System.getenv("FLOTILLA_TEST_REDIS_URL");
  private static final String POSTGRES_USER = TestServer.POSTGRES.user();
  private static final String MARIADB_USER = TestServer.MARIADB.user();

  /** " menu-1 http://localhost:40123 pid 4567" in the ready message. */
  private static final Pattern INSTANCE =
      Pattern.compile("^ {2}(\\S+) +http://localhost:(\\d+) +pid (\\d+)$");

  private static final String PREFIX =
      "topology_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";

  private static Process supervisor;
  private static ProcessOutput output;
  private static final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private static List<ProcessHandle> children = List.of();
  private static int gatewayPort;

  /** Each instance's management port (Actuator) by its port. */
  private static final Map<Integer, Integer> managementPorts = new HashMap<>();

  record Instance(int port, long pid) {}

  @BeforeAll
  static void startTheTopology() throws Exception {
    assumeTrue(
        POSTGRES != null && MARIADB != null && REDIS != null,
        "FLOTILLA_TEST_POSTGRES_URL, FLOTILLA_TEST_MARIADB_URL and FLOTILLA_TEST_REDIS_URL are not"
            + " all set: the process topology needs all three servers");
    Map<String, String> env = new HashMap<>();
    for (String port :
        List.of(
            "GATEWAY_PORT",
            "MATH_PORT",
            "MENU_PORT",
            "MENU_2_PORT",
            "USERS_PORT",
            "TWEETS_PORT",
            "SEARCH_PORT",
            "HARDWARE_PORT",
            "HARDWARE_2_PORT",
            "PORTAL_PORT",
            "LUNCH_PORT")) {
      int free = FreePorts.next();
      int management = FreePorts.next();
      env.put(port, Integer.toString(free));
      env.put(port.replace("_PORT", "_MANAGEMENT_PORT"), Integer.toString(management));
      managementPorts.put(free, management);
    }
    gatewayPort = Integer.parseInt(env.get("GATEWAY_PORT"));
    env.put("FLOTILLA_POSTGRES_URL", POSTGRES);
    env.put("FLOTILLA_POSTGRES_USER", POSTGRES_USER);
    env.put("FLOTILLA_MARIADB_URL", MARIADB);
    env.put("FLOTILLA_MARIADB_USER", MARIADB_USER);
    env.put("FLOTILLA_REDIS_URL", REDIS);
    env.put("FLOTILLA_DATABASE_PREFIX", PREFIX);
    env.put("FLOTILLA_MENU_REDISKEYPREFIX", PREFIX + "menu:");
    env.put("FLOTILLA_DATA_DIR", Files.createTempDirectory("topology").toString());
    // Eleven service JVMs on two shared cores: small heaps, no optimizing compiler.
    env.put("FLOTILLA_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    env.put("FLOTILLA_HARDWARE_PROBE_DELAY", "200ms");

    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                Path.of("target", "flotilla-launcher.jar").toString(),
                "io.flotilla.launcher.ProcessTopology")
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    supervisor = builder.start();
    output =
        new ProcessOutput(
            supervisor,
            line -> line.startsWith("Press Ctrl-C"),
            line -> {
              Matcher instance = INSTANCE.matcher(line);
              if (instance.matches()) {
                instances.put(
                    instance.group(1),
                    new Instance(
                        Integer.parseInt(instance.group(2)), Long.parseLong(instance.group(3))));
              }
            });
    output.awaitReady(Duration.ofMinutes(8));
    assertThat(supervisor.isAlive())
        .as("the supervisor runs; it said:%n%s", output.lines())
        .isTrue();
    assertThat(instances).as("the ready message; all output:%n%s", output.lines()).hasSize(11);
    children = supervisor.children().toList();
    System.out.printf(
        "ProcessTopologyIT: 11 services ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  @Test
  @Order(1)
  void requestsReachBothMenuReplicasAndThePortalReadsBothHardwareReplicas() throws Exception {
    for (int i = 0; i < 6; i++) {
      assertThat(get("/restaurant/dufva").statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < 4; i++) {
      assertThat(get("/portal/").statusCode()).isEqualTo(200);
    }

    // Each replica's own count: the gateway took turns, the portal too.
    assertThat(menuRequests("menu-1")).isEqualTo(3);
    assertThat(menuRequests("menu-2")).isEqualTo(3);
    String portal = metrics(instances.get("portal").port());
    for (String hardware : List.of("hardware-1", "hardware-2")) {
      assertThat(portal)
          .contains(
              "portal_hardware_calls_seconds_count{application=\"portal\",outcome=\"success\","
                  + "replica=\"http://localhost:"
                  + instances.get(hardware).port()
                  + "\"} 2");
    }
  }

  @Test
  @Order(2)
  void accountsAreKeptInPostgresql() throws Exception {
    String user = "u" + PREFIX.substring(9, 17);
    var created =
        ServiceProcesses.http.send(
            HttpRequest.newBuilder(gateway("/api/v1/users"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + user
                            + "\",\"password\":\"correct horse\",\"email\":\""
                            + user
                            + "@example.com\",\"first_name\":\"A\",\"last_name\":\"B\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    try (var connection =
            DriverManager.getConnection(
                DataServers.withDatabase(
                    new DataServers.Server("PostgreSQL", POSTGRES, POSTGRES_USER, "", "-"),
                    PREFIX + "users"),
                POSTGRES_USER,
                "");
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM app_user")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  /** Login's BCrypt ran on users' heavy-work pool (the test before); nothing runs above nice 0. */
  @Test
  @Order(3)
  void heavyWorkRunsAtNiceTenAndNoThreadAboveNormal() throws Exception {
    Path tasks = Path.of("/proc", Long.toString(instances.get("users").pid()), "task");
    assumeTrue(Files.isDirectory(tasks), "needs Linux's /proc");
    Map<String, Integer> niceByThread = new HashMap<>();
    try (var threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (NoSuchFileException ended) {
          continue; // the JVM ends compiler threads it no longer needs
        }
        // "tid (name) state ..." where nice is the 19th field; the name may hold spaces.
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        niceByThread.put(
            thread.getFileName()
                + " "
                + stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
            Integer.parseInt(after[16]));
      }
    }
    assertThat(niceByThread)
        .as("users' threads and their nice values")
        .anySatisfy((thread, nice) -> assertThat(thread).contains("bulkhead-users"))
        .allSatisfy((thread, nice) -> {
          assertThat(nice).as(thread).isNotNegative();
          if (thread.contains("bulkhead-users")) {
            assertThat(nice).as(thread).isEqualTo(10);
          }
        });
  }

  @Test
  @Order(4)
  void theRealPrometheusScrapesEveryProcessAndAnswersQueries() throws Exception {
    assumeTrue(RealPrometheus.installed(), RealPrometheus.MISSING);
    List<Integer> ports =
        instances.values().stream().map(i -> managementPorts.get(i.port())).toList();
    try (RealPrometheus prometheus = RealPrometheus.scraping(ports)) {
      assertThat(prometheus.awaitTargetsUp(ports.size()))
          .as("all %d processes up", ports.size())
          .contains("\"" + ports.size() + "\"]");
      // Both menu replicas served requests (the first test), each counted in its own series.
      String perReplica =
          prometheus.query("count(sum by (instance) (menu_cache_requests_total) > 0)");
      assertThat(perReplica).contains("\"status\":\"success\"", "\"2\"]");
      assertThat(prometheus.api("/api/v1/rules")).contains("FlotillaInstanceDown");
    }
  }

  @Test
  @Order(5)
  void killingAMenuAndAHardwareReplicaCostsNoFailedRequest() throws Exception {
    for (String replica : List.of("menu-1", "hardware-1")) {
      ProcessHandle process = ProcessHandle.of(instances.get(replica).pid()).orElseThrow();
      process.destroyForcibly();
      process.onExit().get(30, TimeUnit.SECONDS);
    }

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(get("/restaurant/dufva").statusCode());
      statuses.add(get("/restaurant").statusCode());
    }
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> page = get("/portal/");
      statuses.add(page.statusCode());
      assertThat(page.body()).containsPattern("Amazon - c5: (HIGH|MEDIUM|LOW)");
    }

    assertThat(statuses).containsOnly(200);
    assertThat(menuRequests("menu-2")).isEqualTo(3 + 20);
  }

  @Test
  @Order(6)
  void aServiceKilledWithSigkillIsStartedAgain() throws Exception {
    ProcessHandle math = ProcessHandle.of(instances.get("math").pid()).orElseThrow();
    math.destroyForcibly();
    math.onExit().get(30, TimeUnit.SECONDS);

    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (output.lines().stream().noneMatch(line -> line.startsWith("math started again"))
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(output.lines())
        .anyMatch(line -> line.startsWith("math (pid " + math.pid() + ") stopped with exit code"))
        .anyMatch(line -> line.matches("math started again \\(pid \\d+\\)"));
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = get("/factorial?n=5").statusCode();
    }
    assertThat(status).as("math answers through the gateway again").isEqualTo(200);
  }

  @Test
  @Order(7)
  void stoppingTheSupervisorStopsEveryService() throws Exception {
    List<ProcessHandle> running = supervisor.children().toList();
    supervisor.destroy(); // SIGTERM, as Ctrl-C
    assertThat(supervisor.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(children).hasSize(11).noneMatch(ProcessHandle::isAlive);
    assertThat(running).as("the services started again too").noneMatch(ProcessHandle::isAlive);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (supervisor == null) {
      return;
    }
    // Whatever it started, even if it never got ready: its children, seen from here.
    List<ProcessHandle> started = supervisor.descendants().toList();
    supervisor.destroy(); // SIGTERM: its shutdown hook stops the services
    if (!supervisor.waitFor(45, TimeUnit.SECONDS)) {
      supervisor.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    started.forEach(ProcessHandle::destroyForcibly);
    for (String service : List.of("users", "tweets")) {
      drop(POSTGRES, POSTGRES_USER, PREFIX + service);
    }
    drop(MARIADB, MARIADB_USER, PREFIX + "hardware");
  }

  private static void drop(String serverUrl, String user, String database) throws Exception {
    try (var connection = DriverManager.getConnection(serverUrl, user, "");
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  /** Every request the replica's relay answered, whatever the cache said. */
  private static long menuRequests(String replica) throws Exception {
    return metrics(instances.get(replica).port())
        .lines()
        .filter(line -> line.startsWith("menu_cache_requests_total{"))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String metrics(int port) throws Exception {
    return ServiceProcesses.http
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + managementPorts.get(port) + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * A GET through the gateway that asks for a fresh answer: past the HTTP caches in front of the
   * gateway and the relay, so every request reaches a replica, which is what these tests count.
   */
  private static HttpResponse<String> get(String path) throws Exception {
    return ServiceProcesses.http.send(
        HttpRequest.newBuilder(gateway(path))
            .header("Cache-Control", "no-cache")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI gateway(String path) {
    return URI.create("http://localhost:" + gatewayPort + path);
  }
}
