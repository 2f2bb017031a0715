package io.flotilla.deploy;

import static io.flotilla.deploy.RenderedManifests.at;
import static io.flotilla.deploy.RenderedManifests.list;
import static io.flotilla.deploy.RenderedManifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.testsupport.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/compose.yaml as Compose itself reads it ({@code docker-compose config}: anchors merged,
 * variables filled in), held to the house rules: health checks and memory limits, waiting for
 * health, few published ports, private data, no secret in the file.
 */
class ComposeFileTest {

  /** The Flotilla services and their ports, as in the README and the images. */
  static final Map<String, Integer> FLOTILLA =
      Map.of(
          "gateway", 8080,
          "math", 8081,
          "menu", 8082,
          "users", 8083,
          "tweets", 8084,
          "search", 8085,
          "hardware", 8086,
          "portal", 8087,
          "lunch", 8089);

  /** Where a service's Actuator answers: its port + 1000, as the platform sets it. */
  static int managementPort(int port) {
    return port + 1000;
  }

  /**
   * The gateway and the dashboards; nothing else is reachable from outside the machine's Docker.
   */
  static final Set<String> PUBLISHING = Set.of("gateway", "grafana", "jaeger", "kibana");

  /** Stand-ins for the secrets deploy/.env gives on a real machine. */
  static final Map<String, String> SECRETS =
      Map.of(
          "POSTGRES_PASSWORD", "test-postgres-password",
          "MARIADB_PASSWORD", "test-mariadb-password",
          "MARIADB_ROOT_PASSWORD", "test-mariadb-root-password",
          "GRAFANA_ADMIN_PASSWORD", "test-grafana-password",
          "FLOTILLA_SERVICE_SECRET", "test-service-secret-of-32-bytes-or-more");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  static List<String> compose;
  static Map<String, Object> services;
  static Map<String, Object> networks;

  @BeforeAll
  static void render() throws Exception {
    compose = composeCommand();
    assumeTrue(
        compose != null,
        "neither docker-compose nor `docker compose` is available (Debian package docker-compose):"
            + " deploy/compose.yaml is not checked");
    Rendered rendered = config(SECRETS);
    assertThat(rendered.exitCode()).as(rendered.output()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> file = YAML.readValue(rendered.output(), Map.class);
    services = map(file.get("services"));
    networks = map(file.get("networks"));
  }

  @Test
  void everyFlotillaServiceRunsItsJibImageWithAReadinessCheckAndAMemoryLimit() {
    assertThat(services).containsKeys(FLOTILLA.keySet().toArray(String[]::new));
    FLOTILLA.forEach((name, port) -> {
      var service = map(services.get(name));
      assertThat((String) service.get("image")).as(name).startsWith("flotilla/" + name + ":");
      assertThat(list(at(service, "healthcheck", "test")))
          .as(name + " health check")
          .contains("http://localhost:" + managementPort(port) + "/actuator/health/readiness");
      assertThat(service.get("mem_limit")).as(name + " memory limit").isNotNull();
      assertThat(service.get("read_only")).as(name + " read-only root").isEqualTo(true);
    });
  }

  @Test
  void everyContainerHasAMemoryLimit() {
    services.forEach(
        (name, service) -> assertThat(map(service).get("mem_limit")).as(name).isNotNull());
  }

  @Test
  void onlyTheGatewayAndTheDashboardsPublishPorts() {
    Set<String> publishing = new TreeSet<>();
    services.forEach((name, service) -> {
      if (!list(map(service).get("ports")).isEmpty()) {
        publishing.add(name);
      }
    });
    assertThat(publishing).isEqualTo(new TreeSet<>(PUBLISHING));
  }

  @Test
  void hardwareAndTheDatabasesAreOnlyOnInternalNetworks() {
    for (String name : List.of("hardware", "postgres", "mariadb")) {
      assertThat(networksOf(name)).as(name).isNotEmpty();
      for (String network : networksOf(name)) {
        assertThat(at(networks, network, "internal"))
            .as(name + " is on network " + network + ", which is not internal")
            .isEqualTo(true);
      }
    }
  }

  @Test
  void onlyThePortalAndMonitoringShareANetworkWithHardware() {
    Set<String> neighbours = new TreeSet<>();
    for (String network : networksOf("hardware")) {
      services.keySet().stream()
          .filter(other -> !other.equals("hardware") && networksOf(other).contains(network))
          .forEach(neighbours::add);
    }
    assertThat(neighbours).isSubsetOf("portal", "mariadb", "prometheus", "otel-collector");
  }

  @Test
  void everyDependencyWaitsForAHealthCheckThatExists() {
    services.forEach((name, service) ->
        map(map(service).get("depends_on"))
            .forEach((dependency, how) -> {
              assertThat(at(how, "condition"))
                  .as(name + " -> " + dependency)
                  .isEqualTo("service_healthy");
              assertThat(at(services, dependency, "healthcheck", "test"))
                  .as(dependency + " has a health check, or " + name + " waits forever")
                  .isNotNull();
            }));
  }

  @Test
  void secretsComeFromTheEnvironmentAndAreRequired() throws Exception {
    assertThat(at(services, "users", "environment", "USERS_DB_PASSWORD"))
        .isEqualTo(SECRETS.get("POSTGRES_PASSWORD"));
    assertThat(at(services, "hardware", "environment", "HARDWARE_DB_PASSWORD"))
        .isEqualTo(SECRETS.get("MARIADB_PASSWORD"));
    for (String service : List.of("tweets", "search", "hardware")) {
      assertThat(at(services, service, "environment", "FLOTILLA_SERVICE_SECRET"))
          .as(service)
          .isEqualTo(SECRETS.get("FLOTILLA_SERVICE_SECRET"));
    }

    Rendered withoutSecrets = config(Map.of());
    assertThat(withoutSecrets.exitCode()).as(withoutSecrets.output()).isNotZero();
    assertThat(withoutSecrets.output()).contains("deploy/.env.example");
  }

  @Test
  void everyFileMountedFromTheRepositoryExists() {
    Path deploy = Path.of("").toAbsolutePath();
    services.forEach((name, service) -> {
      for (Object volume : list(map(service).get("volumes"))) {
        String source =
            volume instanceof String s ? s.split(":")[0] : (String) at(volume, "source");
        if (source != null && source.startsWith(deploy.toString())) {
          assertThat(Path.of(source)).as(name + " mounts " + source).exists();
        }
      }
    });
  }

  private static List<String> networksOf(String service) {
    Object declared = at(services, service, "networks");
    // Rendered as a map (name -> settings); a list where written so.
    return declared instanceof Map<?, ?> m
        ? m.keySet().stream().map(String::valueOf).toList()
        : list(declared).stream().map(String::valueOf).toList();
  }

  record Rendered(int exitCode, String output) {}

  /**
   * {@code config} with only these variables: an empty env file, so that a developer's own
   * deploy/.env does not change the outcome, and every profile on.
   */
  static Rendered config(Map<String, String> variables) throws Exception {
    Path envFile = Files.createTempFile("compose", ".env");
    Path errors = Files.createTempFile("compose", ".err");
    try {
      List<String> command = new ArrayList<>(compose);
      command.addAll(List.of("--env-file", envFile.toString(), "-f", "compose.yaml", "config"));
      var builder = new ProcessBuilder(command).redirectError(errors.toFile());
      Map<String, String> environment = builder.environment();
      SECRETS.keySet().forEach(environment::remove);
      environment.putAll(variables);
      environment.put("COMPOSE_PROFILES", "logs");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took longer than 60 s");
      }
      int exitCode = process.exitValue();
      return new Rendered(exitCode, exitCode == 0 ? output : output + Files.readString(errors));
    } finally {
      Files.deleteIfExists(envFile);
      Files.deleteIfExists(errors);
    }
  }

  /** docker-compose (v1, Debian's) or the Compose plugin of docker (v2); null when neither. */
  static List<String> composeCommand() throws IOException, InterruptedException {
    if (Commands.onPath("docker-compose").isPresent()) {
      return List.of("docker-compose");
    }
    if (Commands.onPath("docker").isPresent()) {
      Process probe =
          new ProcessBuilder("docker", "compose", "version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return List.of("docker", "compose");
      }
      probe.destroyForcibly();
    }
    return null;
  }
}
