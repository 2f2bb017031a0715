package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a person starts it: the launcher's jar in its own JVM, every service on a
 * free port of this machine, data in a temp directory. Waits until the launcher says it is ready.
 */
final class LaunchedSystem implements AutoCloseable {

  private static final Path LAUNCHER_JAR = Path.of("target", "flotilla-launcher.jar");

  static final List<String> SERVICES =
      List.of(
          "gateway", "math", "hardware", "portal", "lunch", "menu", "users", "tweets", "search");

  private final Map<String, Integer> ports;
  private final Map<String, Integer> managementPorts;
  private final Path dataDir;
  private final Process launcher;
  private final ProcessOutput output;

  private LaunchedSystem(
      Map<String, Integer> ports,
      Map<String, Integer> managementPorts,
      Path dataDir,
      Process launcher) {
    this.ports = ports;
    this.managementPorts = managementPorts;
    this.dataDir = dataDir;
    this.launcher = launcher;
    this.output =
        new ProcessOutput(launcher, line -> line.startsWith("Flotilla is ready"), line -> {});
  }

  static LaunchedSystem start() throws IOException, InterruptedException {
    return start(Files.createTempDirectory("flotilla"));
  }

  /** With its data in {@code dataDir}: the same directory again after a stop is a restart. */
  static LaunchedSystem start(Path dataDir) throws IOException, InterruptedException {
    assertThat(LAUNCHER_JAR).as("the launcher jar, built by the package phase").exists();
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, Integer> managementPorts = new LinkedHashMap<>();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", LAUNCHER_JAR.toString()).redirectErrorStream(true);
    for (String service : SERVICES) {
      int port = FreePorts.next();
      ports.put(service, port);
      builder.environment().put(service.toUpperCase() + "_PORT", Integer.toString(port));
      int managementPort = FreePorts.next();
      managementPorts.put(service, managementPort);
      builder
          .environment()
          .put(service.toUpperCase() + "_MANAGEMENT_PORT", Integer.toString(managementPort));
    }
    // The simulated availability check takes 5 s by default; the page is the same with less.
    builder.environment().put("FLOTILLA_HARDWARE_PROBE_DELAY", "300ms");
    builder.environment().put("FLOTILLA_DATA_DIR", dataDir.toString());
    LaunchedSystem system = new LaunchedSystem(ports, managementPorts, dataDir, builder.start());
    try {
      system.awaitReady();
    } catch (AssertionError | InterruptedException | RuntimeException e) {
      system.close(); // the test class never gets it to close
      throw e;
    }
    return system;
  }

  private void awaitReady() throws InterruptedException {
    output.awaitReady(Duration.ofMinutes(8));
    assertThat(output())
        .as("launcher ready; its output:%n%s", String.join("\n", output()))
        .anySatisfy(line -> assertThat(line).startsWith("Flotilla is ready"));
  }

  int port(String service) {
    return ports.get(service);
  }

  /** Where the service's Actuator endpoints answer. */
  int managementPort(String service) {
    return managementPorts.get(service);
  }

  /** Where the services keep their data (FLOTILLA_DATA_DIR). */
  Path dataDir() {
    return dataDir;
  }

  String gatewayUrl() {
    return "http://localhost:" + port("gateway");
  }

  List<String> output() {
    return output.lines();
  }

  /**
   * SIGTERM, which runs the same shutdown hooks as Ctrl-C, then waits for the launcher to exit and
   * for the rest of its output; returns its exit code. Through the process handle, because {@code
   * Process.destroy()} would also close the pipe that the rest of the output comes through.
   */
  int stopGracefully() throws InterruptedException {
    launcher.toHandle().destroy();
    assertThat(launcher.waitFor(1, TimeUnit.MINUTES)).as("launcher exited").isTrue();
    output.awaitEnd(Duration.ofSeconds(10));
    return launcher.exitValue();
  }

  /**
   * SIGKILL, as a power cut or the OOM killer would end it: no shutdown hook runs. Fails unless the
   * JVM died of the signal (exit code 128 + 9) and took every process it started with it.
   */
  void kill() throws InterruptedException {
    List<ProcessHandle> children = launcher.toHandle().descendants().toList();
    launcher.destroyForcibly();
    assertThat(launcher.waitFor(1, TimeUnit.MINUTES)).as("launcher killed").isTrue();
    assertThat(launcher.exitValue()).as("exit code of a SIGKILL").isEqualTo(137);
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  @Override
  public void close() {
    if (launcher.isAlive()) {
      launcher.destroyForcibly();
    }
  }
}
