package io.flotilla.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The production topology on this machine, without containers ({@code ./flotilla cluster}): every
 * service its own JVM started from its executable jar, two replicas of menu and of hardware, the
 * machine's PostgreSQL, MariaDB and Redis. Waits until every process is ready, says where each is
 * and its process id, writes each one's output to {@code <data>/cluster/logs/<instance>.log}, and
 * stops them all on Ctrl-C (or SIGTERM). A process that dies is started again, as Kubernetes would,
 * after a growing delay; one that keeps dying is given up on ({@link RestartPolicy}). Killing a
 * replica is how to watch the gateway route around it until it is back. Every process gets the same
 * service secret ({@link ServiceSecret}), which a restarted one gets again; it is written to {@code
 * <data>/service-secret} for the command line.
 */
public final class ProcessTopology {

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** How long a service may take to become ready: many JVMs start at once on few cores. */
  private static final Duration READY_WITHIN = Duration.ofMinutes(5);

  /**
   * Heavy work's threads (Thread.MIN_PRIORITY) at nice 10, so that requests get a core first; the
   * JVM's own threads (priorities 6-10: compilers, GC) at nice 0, where they are without the
   * policy.
   */
  private static final List<String> PRIORITIES =
      List.of(
          "-XX:ThreadPriorityPolicy=1",
          "-XX:JavaPriority1_To_OSPriority=10",
          "-XX:JavaPriority6_To_OSPriority=0",
          "-XX:JavaPriority7_To_OSPriority=0",
          "-XX:JavaPriority8_To_OSPriority=0",
          "-XX:JavaPriority9_To_OSPriority=0",
          "-XX:JavaPriority10_To_OSPriority=0");

  private final Map<Service, Process> processes = new LinkedHashMap<>();

  /** Set once Ctrl-C stops everything: from then on, processes ending is expected. */
  private volatile boolean stopping;

  private ProcessTopology() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    ProcessTopology topology = new ProcessTopology();
    Runtime.getRuntime().addShutdownHook(new Thread(topology::stopAll, "stop-services"));
    try {
      Map<String, String> env = System.getenv();
      DataServers servers = DataServers.from(env);
      servers.checkAnswering();
      servers.createDatabases();
      Path data = FlotillaLauncher.dataDirectory(env);
      Path cluster = data.resolve("cluster");
      Path logs = Files.createDirectories(cluster.resolve("logs"));
      List<Service> services = Topology.withReplicas(env, 2);
      String secret = ServiceSecret.from(env);
      ServiceSecret.write(data, secret);
      for (Service service : services) {
        topology.start(
            service, cluster, logs.resolve(service.instance() + ".log"), servers, env, secret);
      }
      for (Service service : services) {
        topology.awaitReady(service, logs);
      }
      System.out.print(
          FlotillaLauncher.readyText(
              services,
              (System.nanoTime() - start) / 1e9,
              service -> "  pid " + topology.processes.get(service).pid()));
      System.out.printf(
          "Logs: %s/<instance>.log. Kill a replica (kill <pid>) and the gateway routes around it"
              + " until it is started again.%n",
          logs);
      System.out.flush();
      topology.supervise(service ->
          topology.start(
              service, cluster, logs.resolve(service.instance() + ".log"), servers, env, secret));
    } catch (LaunchException | IllegalArgumentException | IOException e) {
      System.err.println("flotilla: " + e.getMessage());
      System.exit(1); // the shutdown hook stops whatever did start
    }
  }

  private void start(
      Service service,
      Path data,
      Path log,
      DataServers servers,
      Map<String, String> env,
      String secret)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(PRIORITIES);
    // FLOTILLA_JAVA_OPTS: JVM options for every service, split on spaces (e.g. -Xmx256m).
    String options = env.getOrDefault("FLOTILLA_JAVA_OPTS", "").strip();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.add("-jar");
    command.add(ServiceJar.of(service.name()).toString());
    command.addAll(service.commandLine());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("FLOTILLA_DATA_DIR", data.toString());
    // In the environment, which only this user can read, not on the command line, which any can.
    builder.environment().put(ServiceSecret.VARIABLE, secret);
    builder.environment().putAll(servers.environment(service.name()));
    // Under the lock the shutdown hook takes too: after Ctrl-C, nothing new starts, and nothing
    // that started is missed by the hook.
    synchronized (processes) {
      if (stopping) {
        throw new LaunchException("stopped while starting " + service.instance());
      }
      processes.put(service, builder.start());
    }
  }

  /** The last lines of a log, indented, so that a failed start says why without a search. */
  static String lastLines(Path log, int count) {
    try {
      // Decoded leniently: a half-written last line must not hide the others.
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      StringBuilder tail = new StringBuilder();
      for (String line : lines.subList(Math.max(0, lines.size() - count), lines.size())) {
        tail.append(System.lineSeparator()).append("    ").append(line);
      }
      return tail.toString();
    } catch (IOException unreadable) {
      return " (unreadable: " + unreadable.getMessage() + ")";
    }
  }

  /** Until {@code /readyz} answers 200; fails at once if the process ends. */
  private void awaitReady(Service service, Path logs) {
    Process process = processes.get(service);
    URI readiness = URI.create(service.url() + "/readyz");
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LaunchException(
            service.instance()
                + " stopped with exit code "
                + process.exitValue()
                + " while starting on port "
                + service.port()
                + "; the end of "
                + logs.resolve(service.instance() + ".log")
                + ":"
                + lastLines(logs.resolve(service.instance() + ".log"), 12));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          System.out.printf("  %-10s ready (pid %d)%n", service.instance(), process.pid());
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LaunchException("interrupted while waiting for " + service.instance());
      }
      sleep(250);
    }
    throw new LaunchException(
        service.instance()
            + " was not ready on port "
            + service.port()
            + " within "
            + READY_WITHIN.toMinutes()
            + " minutes; see "
            + logs.resolve(service.instance() + ".log"));
  }

  /** Starts a service's process (again). */
  private interface Starter {
    void start(Service service) throws IOException;
  }

  /**
   * Starts again each process that ends before the topology is stopped, after its policy's delay,
   * or gives up on it when it keeps dying, saying so; returns once no process is left to watch.
   */
  private void supervise(Starter starter) {
    Map<Service, RestartPolicy> policies = new HashMap<>();
    Map<Service, Instant> restartAt = new HashMap<>();
    List<Service> watched = new ArrayList<>(processes.keySet());
    while (!watched.isEmpty()) {
      sleep(500);
      Instant now = Instant.now();
      for (Iterator<Service> services = watched.iterator(); services.hasNext(); ) {
        Service service = services.next();
        Process process = processes.get(service);
        if (process.isAlive()) {
          continue;
        }
        if (stopping) {
          services.remove();
          continue;
        }
        Instant due = restartAt.get(service);
        if (due == null) {
          RestartPolicy policy = policies.computeIfAbsent(service, s -> RestartPolicy.standard());
          Optional<Duration> delay = policy.afterDeath(now);
          System.out.printf(
              "%s (pid %d) stopped with exit code %d%s%n",
              service.instance(),
              process.pid(),
              process.exitValue(),
              delay.map(d -> "; starting it again in " + d.toSeconds() + " s").orElse(""));
          if (delay.isEmpty()) {
            System.out.printf(
                "%s keeps stopping (%d restarts within %d minutes): not starting it again; see"
                    + " its log%n",
                service.instance(), policy.maxRestarts(), policy.window().toMinutes());
            services.remove();
          } else {
            restartAt.put(service, now.plus(delay.get()));
          }
        } else if (!now.isBefore(due)) {
          restartAt.remove(service);
          try {
            starter.start(service);
            System.out.printf(
                "%s started again (pid %d)%n", service.instance(), processes.get(service).pid());
          } catch (IOException | LaunchException e) {
            // The old process stays dead: the next round counts it as another death.
            System.out.printf("%s could not be started again: %s%n", service.instance(), e);
          }
        }
      }
      System.out.flush();
    }
  }

  /**
   * SIGTERM to the gateway first, and once it has finished its requests to the services (all at
   * once, each finishing its own); SIGKILL for what is still running after 30 s.
   */
  private void stopAll() {
    List<Process> all;
    synchronized (processes) {
      stopping = true;
      // Started in order, the gateway last: stopped in reverse.
      all = new ArrayList<>(processes.values()).reversed();
    }
    if (all.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Process gateway = all.getFirst();
    gateway.toHandle().destroy();
    awaitOrKill(gateway, deadline);
    List<Process> services = all.subList(1, all.size());
    services.forEach(process -> process.toHandle().destroy());
    services.forEach(process -> awaitOrKill(process, deadline));
  }

  private static void awaitOrKill(Process process, long deadline) {
    try {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted");
    }
  }
}
