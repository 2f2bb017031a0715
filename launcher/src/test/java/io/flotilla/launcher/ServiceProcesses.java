package io.flotilla.launcher;

import io.flotilla.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Services as real processes, one JVM each, from the executable jars the build copied to {@code
 * target/services} — the way Compose or Kubernetes runs them, sharing one service secret. Stops
 * whatever it started on close.
 */
final class ServiceProcesses implements AutoCloseable {

  private static final Path SERVICES = Path.of("target", "services");

  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The service secret of the processes started here, for the tokens of private endpoints. */
  static final String SECRET = "the processes' service secret, 32 bytes or more";

  private final List<Process> processes = new ArrayList<>();

  /**
   * Starts a service on a port, with its data in {@code dataDir} (the same directory again after a
   * stop is a restart), environment variables and arguments, its output in a temp file.
   */
  Process start(String service, int port, Path dataDir, Map<String, String> env, String... args)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar"));
    command.add(SERVICES.resolve(service + ".jar").toString());
    command.add("--server.port=" + port);
    // Actuator's own port, free like the service's (1000 above a free port may be taken).
    command.add("--management.server.port=" + FreePorts.next());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile(service + "-" + port, ".log").toFile());
    builder.environment().put("FLOTILLA_DATA_DIR", dataDir.toString());
    // One service secret for every process, as the launchers and the deployments give them.
    builder.environment().put("FLOTILLA_SERVICE_SECRET", SECRET);
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** SIGTERM, as an orchestrator stops a container, and waits for the process to end. */
  static void stop(Process process) throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      throw new AssertionError("process " + process.pid() + " did not stop within a minute");
    }
  }

  /** SIGKILL: no shutdown hook runs. Fails unless the process died of the signal (128 + 9). */
  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 137) {
      throw new AssertionError(
          "process " + process.pid() + " was not killed by SIGKILL: " + process.info());
    }
  }

  static void awaitHealth(int port) throws InterruptedException {
    // Generous: several JVMs start at once on a shared machine.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      try {
        var answer =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing healthy on port " + port + " after 5 minutes");
  }

  /**
   * What the call answers once {@code done} holds, asking again every 100 ms for at most 15 s (then
   * the last answer, for the caller's assertion to show). For what follows another service, such as
   * search following tweets through the change feed: a moment behind by design.
   */
  static String eventually(Callable<String> call, Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    String answer = call.call();
    while (!done.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      answer = call.call();
    }
    return answer;
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }
}
