package io.flotilla.deploy;

import static io.flotilla.deploy.RenderedManifests.at;
import static io.flotilla.deploy.RenderedManifests.containers;
import static io.flotilla.deploy.RenderedManifests.describe;
import static io.flotilla.deploy.RenderedManifests.list;
import static io.flotilla.deploy.RenderedManifests.map;
import static io.flotilla.deploy.RenderedManifests.maps;
import static io.flotilla.deploy.RenderedManifests.name;
import static io.flotilla.deploy.RenderedManifests.podLabels;
import static io.flotilla.deploy.RenderedManifests.selects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every Kubernetes overlay with {@code kubectl kustomize} and checks the house rules on
 * each rendered object, without a cluster.
 */
class KustomizeOverlaysTest {

  static final Map<String, String> NAMESPACES =
      Map.of("staging", "flotilla-staging", "production", "flotilla");

  static final List<String> STATELESS =
      List.of("gateway", "math", "menu", "portal", "users", "tweets");

  static final List<String> SERVICES =
      List.of(
          "gateway", "math", "menu", "users", "tweets", "search", "hardware", "portal", "lunch");

  private static final Map<String, RenderedManifests> RENDERED = new HashMap<>();

  private static final boolean KUBECTL = RenderedManifests.kubectlOnPath();

  @BeforeAll
  static void render() throws Exception {
    if (KUBECTL) {
      for (String overlay : NAMESPACES.keySet()) {
        RENDERED.put(overlay, RenderedManifests.render(overlay));
      }
    }
  }

  /** Skipped, test by test and saying why, where kubectl is missing. */
  @BeforeEach
  void needsKubectl() {
    Assumptions.assumeTrue(
        KUBECTL,
        "kubectl is not on the PATH: the Kubernetes overlays are not rendered nor checked");
  }

  static Stream<String> overlays() {
    return NAMESPACES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyObjectHasApiVersionKindNameAndTheOverlaysNamespace(String overlay) {
    RenderedManifests rendered = RENDERED.get(overlay);
    assertThat(rendered.objects()).hasSizeGreaterThan(40);
    for (Map<String, Object> object : rendered.objects()) {
      assertThat(object.get("apiVersion"))
          .as("apiVersion of %s", object)
          .isInstanceOf(String.class);
      assertThat(object.get("kind")).as("kind of %s", object).isInstanceOf(String.class);
      assertThat(name(object)).as("metadata.name of %s", object.get("kind")).isNotBlank();
      String expected = NAMESPACES.get(overlay);
      if (object.get("kind").equals("Namespace")) {
        assertThat(name(object)).isEqualTo(expected);
      } else {
        assertThat(at(object, "metadata", "namespace")).as(describe(object)).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyServiceRunsAsOneWorkloadLabelledAsPartOfFlotilla(String overlay) {
    RenderedManifests rendered = RENDERED.get(overlay);
    assertThat(rendered.workloads())
        .extracting(RenderedManifests::name)
        .containsExactlyInAnyOrderElementsOf(SERVICES);
    assertThat(rendered.one("StatefulSet", "search")).isNotNull();
    for (Map<String, Object> workload : rendered.workloads()) {
      assertThat(podLabels(workload))
          .as(describe(workload))
          .containsEntry("app.kubernetes.io/name", name(workload))
          .containsEntry("app.kubernetes.io/part-of", "flotilla");
      assertThat(selects(map(at(workload, "spec", "selector", "matchLabels")), podLabels(workload)))
          .as("%s: spec.selector matches the pod template's labels", describe(workload))
          .isTrue();
      assertThat(
              at(workload, "spec", "template", "metadata", "annotations", "prometheus.io/scrape"))
          .as("%s is scraped by Prometheus", describe(workload))
          .isEqualTo("true");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
    List<Executable> checks = new ArrayList<>();
    for (Map<String, Object> workload : RENDERED.get(overlay).workloads()) {
      Map<String, Object> pod = map(at(workload, "spec", "template", "spec"));
      for (Map<String, Object> container : containers(workload)) {
        String where = describe(workload) + " container " + container.get("name");
        checks.add(() -> checkContainer(where, pod, container));
      }
    }
    assertAll(checks);
  }

  private static void checkContainer(
      String where, Map<String, Object> pod, Map<String, Object> container) {
    List<Object> portNames = new ArrayList<>();
    for (Map<String, Object> port : maps(container.get("ports"))) {
      assertThat(port.get("containerPort"))
          .as(where + " containerPort")
          .isInstanceOf(Integer.class);
      portNames.add(port.get("name"));
    }
    assertThat(portNames).as(where + " ports").isNotEmpty();
    assertThat(at(container, "livenessProbe", "httpGet", "path"))
        .as(where + " liveness probe")
        .isEqualTo("/actuator/health/liveness");
    assertThat(at(container, "readinessProbe", "httpGet", "path"))
        .as(where + " readiness probe")
        .isEqualTo("/actuator/health/readiness");
    assertThat(at(container, "startupProbe")).as(where + " startup probe").isNotNull();
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      Object port = at(container, probe, "httpGet", "port");
      assertThat(port instanceof Integer || portNames.contains(port))
          .as("%s %s port %s is a port of the container", where, probe, port)
          .isTrue();
      // Actuator answers on the management port only, never on the port the Service exposes.
      assertThat(port).as("%s %s port", where, probe).isEqualTo("management");
    }
    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        assertThat(at(container, "resources", bound, resource))
            .as("%s resources.%s.%s", where, bound, resource)
            .isNotNull();
      }
    }
    Map<String, Object> security = map(container.get("securityContext"));
    Object runAsNonRoot =
        security.getOrDefault("runAsNonRoot", at(pod, "securityContext", "runAsNonRoot"));
    assertThat(runAsNonRoot).as(where + " runAsNonRoot").isEqualTo(true);
    assertThat(security.get("readOnlyRootFilesystem"))
        .as(where + " readOnlyRootFilesystem")
        .isEqualTo(true);
    assertThat(security.get("allowPrivilegeEscalation"))
        .as(where + " allowPrivilegeEscalation")
        .isEqualTo(false);
    assertThat(list(at(security, "capabilities", "drop"))).as(where + " drops").contains("ALL");
    assertThat(
            maps(container.get("env")).stream()
                .filter(e -> "JAVA_TOOL_OPTIONS".equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))))
        .as(where + " sizes the JVM to the container")
        .anyMatch(options -> options.contains("-XX:MaxRAMPercentage="));
    assertThat(String.valueOf(container.get("image")))
        .as(where + " image has a tag")
        .matches("flotilla/[a-z]+:[0-9][0-9A-Za-z.-]*");
  }

  /** Whatever reaches a management port (Prometheus) may see the faults, not switch them. */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyServicesFaultSwitchOnlyShowsTheFaults(String overlay) {
    List<Map<String, Object>> configs = RENDERED.get(overlay).ofKind("ConfigMap");
    for (String service : SERVICES.subList(1, SERVICES.size())) {
      assertThat(configs)
          .as("%s's ConfigMap", service)
          .filteredOn(config -> name(config).startsWith(service + "-config"))
          .singleElement()
          .extracting(config -> config.get("data"))
          .asInstanceOf(InstanceOfAssertFactories.MAP)
          .containsEntry("MANAGEMENT_ENDPOINT_FAULTS_ACCESS", "read-only");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void noSecretIsRenderedSecretsAreOnlyReferenced(String overlay) {
    assertThat(RENDERED.get(overlay).ofKind("Secret")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyWorkloadHasAServiceSelectingItsPodsOnAContainerPort(String overlay) {
    RenderedManifests rendered = RENDERED.get(overlay);
    for (Map<String, Object> service : rendered.ofKind("Service")) {
      for (Map<String, Object> port : maps(at(service, "spec", "ports"))) {
        assertThat(port.get("port")).as(describe(service) + " port").isInstanceOf(Integer.class);
      }
    }
    for (Map<String, Object> workload : rendered.workloads()) {
      List<Map<String, Object>> services =
          rendered.where(
              "Service",
              s ->
                  selects(map(at(s, "spec", "selector")), podLabels(workload))
                      && !"None".equals(at(s, "spec", "clusterIP")));
      assertThat(services).as("the Service of %s", describe(workload)).hasSize(1);
      Map<String, Object> container = containers(workload).getFirst();
      List<Object> targets = new ArrayList<>();
      for (Map<String, Object> port : maps(container.get("ports"))) {
        targets.add(port.get("name"));
        targets.add(port.get("containerPort"));
      }
      for (Map<String, Object> port : maps(at(services.getFirst(), "spec", "ports"))) {
        assertThat(targets)
            .as("targetPort of %s", describe(services.getFirst()))
            .contains(port.get("targetPort"));
      }
    }
    assertThat(at(rendered.one("StatefulSet", "search"), "spec", "serviceName"))
        .isEqualTo(name(rendered.one("Service", "search-headless")));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theIngressRoutesOnlyToTheGateway(String overlay) {
    List<Map<String, Object>> ingresses = RENDERED.get(overlay).ofKind("Ingress");
    assertThat(ingresses).hasSize(1);
    List<Object> backends = new ArrayList<>();
    for (Map<String, Object> rule : maps(at(ingresses.getFirst(), "spec", "rules"))) {
      for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
        backends.add(at(path, "backend", "service", "name"));
      }
    }
    assertThat(at(ingresses.getFirst(), "spec", "defaultBackend")).isNull();
    assertThat(backends).isNotEmpty().containsOnly("gateway");
    String host = (String) at(maps(at(ingresses.getFirst(), "spec", "rules")).getFirst(), "host");
    assertThat(host)
        .isEqualTo(overlay.equals("production") ? "flotilla.example" : "staging.flotilla.example");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void hardwareIsReachableFromThePortalAloneAndPrometheus(String overlay) {
    RenderedManifests rendered = RENDERED.get(overlay);
    Map<String, Object> hardware = podLabels(rendered.one("Deployment", "hardware"));
    List<Map<String, Object>> policies =
        rendered.where(
            "NetworkPolicy",
            p -> {
              Map<String, Object> selector = map(at(p, "spec", "podSelector", "matchLabels"));
              return selector.isEmpty() || selects(selector, hardware);
            });
    assertThat(policies).extracting(RenderedManifests::name).contains("default-deny-ingress");
    List<Map<String, Object>> peers = new ArrayList<>();
    for (Map<String, Object> policy : policies) {
      assertThat(list(at(policy, "spec", "policyTypes"))).contains("Ingress");
      for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
        assertThat(rule.get("from")).as("%s names its sources", describe(policy)).isNotNull();
        peers.addAll(maps(rule.get("from")));
      }
    }
    Map<String, Object> fromPortal =
        Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "portal")));
    assertThat(peers).contains(fromPortal);
    for (Map<String, Object> peer : peers) {
      boolean prometheus =
          "monitoring"
              .equals(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
      assertThat(peer.equals(fromPortal) || prometheus)
          .as("hardware accepts only the portal (and the monitoring namespace), not %s", peer)
          .isTrue();
    }
    for (Map<String, Object> configMap : rendered.ofKind("ConfigMap")) {
      if (!name(configMap).startsWith("portal-config")) {
        assertThat(map(configMap.get("data")).values())
            .as("%s points at hardware", describe(configMap))
            .noneMatch(v -> String.valueOf(v).contains("hardware:8086"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyFlotillaPodIsBehindANetworkPolicyAndTheNamespaceDeniesByDefault(String overlay) {
    RenderedManifests rendered = RENDERED.get(overlay);
    Map<String, Object> deny = rendered.one("NetworkPolicy", "default-deny-ingress");
    assertThat(map(at(deny, "spec", "podSelector"))).isEmpty();
    assertThat(at(deny, "spec", "ingress")).isNull();
    for (Map<String, Object> workload : rendered.workloads()) {
      assertThat(
              rendered.where(
                  "NetworkPolicy",
                  p ->
                      !maps(at(p, "spec", "ingress")).isEmpty()
                          && selects(
                              map(at(p, "spec", "podSelector", "matchLabels")),
                              Map.of("app.kubernetes.io/name", name(workload)))))
          .as("a NetworkPolicy lets the callers of %s in", describe(workload))
          .isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void statelessServicesAutoscaleAndHaveDisruptionBudgets(String overlay) {
    RenderedManifests rendered = RENDERED.get(overlay);
    for (String service : STATELESS) {
      Map<String, Object> hpa = rendered.one("HorizontalPodAutoscaler", service);
      assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
      assertThat(at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
      assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service);
      assertThat((Integer) at(hpa, "spec", "maxReplicas"))
          .isGreaterThanOrEqualTo((Integer) at(hpa, "spec", "minReplicas"));
      assertThat(maps(at(hpa, "spec", "metrics")))
          .anyMatch(m -> "cpu".equals(at(m, "resource", "name")));
    }
    for (Map<String, Object> pdb : rendered.ofKind("PodDisruptionBudget")) {
      assertThat(
              rendered.workloads().stream()
                  .filter(
                      w -> selects(map(at(pdb, "spec", "selector", "matchLabels")), podLabels(w))))
          .as("%s selects one workload", describe(pdb))
          .hasSize(1);
    }
  }

  @Test
  void productionRunsTwoOrMoreReplicasOfTheStatelessServicesAndOfHardware() {
    RenderedManifests production = RENDERED.get("production");
    for (String service :
        Set.copyOf(Stream.concat(STATELESS.stream(), Stream.of("hardware")).toList())) {
      Map<String, Object> deployment = production.one("Deployment", service);
      assertThat((Integer) at(deployment, "spec", "replicas"))
          .as("production replicas of %s", service)
          .isGreaterThanOrEqualTo(2);
      production.one("PodDisruptionBudget", service);
    }
    for (String service : STATELESS) {
      assertThat(
              (Integer)
                  at(production.one("HorizontalPodAutoscaler", service), "spec", "minReplicas"))
          .as("production HPA minReplicas of %s", service)
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(
            production.ofKind("ConfigMap").stream()
                .filter(c -> name(c).startsWith("menu-config"))
                .map(c -> at(c, "data", "FLOTILLA_MENU_REDIS_URL")))
        .containsExactly("redis://redis:6379");
  }

  @Test
  void stagingRunsOneReplicaOfEverything() {
    for (Map<String, Object> workload : RENDERED.get("staging").workloads()) {
      assertThat(at(workload, "spec", "replicas")).as(describe(workload)).isEqualTo(1);
    }
  }
}
