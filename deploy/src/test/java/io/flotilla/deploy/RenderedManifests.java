package io.flotilla.deploy;

import io.flotilla.testsupport.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The objects {@code kubectl kustomize <overlay>} renders, as plain maps and lists. */
record RenderedManifests(String overlay, List<Map<String, Object>> objects) {

  static final Path OVERLAYS = Path.of("kubernetes", "overlays");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** Whether an executable {@code kubectl} is on the PATH. */
  static boolean kubectlOnPath() {
    return Commands.onPath("kubectl").isPresent();
  }

  static RenderedManifests render(String overlay) throws IOException, InterruptedException {
    Path dir = OVERLAYS.resolve(overlay);
    Path errors = Files.createTempFile("kustomize-" + overlay, ".err");
    try {
      Process process =
          new ProcessBuilder("kubectl", "kustomize", dir.toString())
              .redirectError(errors.toFile())
              .start();
      String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + dir + " took longer than 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "kubectl kustomize " + dir + " failed: " + Files.readString(errors));
      }
      List<Map<String, Object>> objects = new ArrayList<>();
      for (Object document : YAML.readerFor(Map.class).readValues(yaml).readAll()) {
        if (document != null) {
          objects.add(map(document));
        }
      }
      return new RenderedManifests(overlay, List.copyOf(objects));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  List<Map<String, Object>> ofKind(String... kinds) {
    List<String> wanted = List.of(kinds);
    return objects.stream().filter(o -> wanted.contains(o.get("kind"))).toList();
  }

  List<Map<String, Object>> workloads() {
    return ofKind("Deployment", "StatefulSet");
  }

  Map<String, Object> one(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(name(o)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
  }

  List<Map<String, Object>> where(String kind, Predicate<Map<String, Object>> test) {
    return ofKind(kind).stream().filter(test).toList();
  }

  static String name(Map<String, Object> object) {
    return (String) map(object.get("metadata")).get("name");
  }

  static String describe(Map<String, Object> object) {
    return object.get("kind") + "/" + name(object);
  }

  /** The value at a path of keys, or null where any step is missing. */
  static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static List<Map<String, Object>> maps(Object node) {
    return list(node).stream().map(RenderedManifests::map).toList();
  }

  static Map<String, Object> podTemplate(Map<String, Object> workload) {
    return map(at(workload, "spec", "template"));
  }

  static Map<String, Object> podLabels(Map<String, Object> workload) {
    return map(at(workload, "spec", "template", "metadata", "labels"));
  }

  static List<Map<String, Object>> containers(Map<String, Object> workload) {
    return maps(at(workload, "spec", "template", "spec", "containers"));
  }

  /** A non-empty label selector selects these labels when each of its pairs is among them. */
  static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }
}
