package io.flotilla.launcher;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The whole system in one process: starts every service from its own executable jar, each on its
 * own port with its own configuration, and says where to find them once all are up. Ctrl-C stops
 * them all, each finishing its in-flight requests (graceful shutdown). They share one service
 * secret ({@link ServiceSecret}) for the tokens of their private endpoints and fault switches,
 * written to {@code <data>/service-secret} for the command line.
 *
 * <p>The jars are looked up as {@link ServiceJar#of} says.
 */
public final class FlotillaLauncher {

  private FlotillaLauncher() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    ServiceLogRouter.install();
    try {
      List<Service> services = Topology.from(System.getenv());
      String secret = ServiceSecret.from(System.getenv());
      ServiceSecret.write(dataDirectory(System.getenv()), secret);
      // The gateway last, so that it is ready to route when it is up.
      startAll(services.subList(0, services.size() - 1), secret);
      startAll(List.of(services.getLast()), secret);
      System.out.print(readyText(services, (System.nanoTime() - start) / 1e9, service -> ""));
      System.out.flush();
    } catch (LaunchException | IllegalArgumentException e) {
      System.err.println("flotilla: " + e.getMessage());
      // Stops whatever did start: each service closes from its shutdown hook.
      System.exit(1);
    }
  }

  /** Where the services keep their data: {@code FLOTILLA_DATA_DIR}, else {@code data} here. */
  static Path dataDirectory(Map<String, String> env) {
    return Path.of(env.getOrDefault("FLOTILLA_DATA_DIR", "data")).toAbsolutePath();
  }

  /**
   * Starts the services in order, as many at once as half the cores: a service starting keeps about
   * two cores busy (its own thread and the JIT compiler's), so two cores start one at a time, no
   * faster and with less memory at once. Returns once all are up; stops starting after a failure.
   */
  private static void startAll(List<Service> services, String secret) {
    int atOnce = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    Map<Service, Throwable> failures = new ConcurrentHashMap<>();
    try (ExecutorService starters = Executors.newFixedThreadPool(atOnce)) {
      for (Service service : services) {
        Path jar = ServiceJar.of(service.name());
        starters.execute(() -> {
          if (failures.isEmpty()) {
            start(service, jar, secret, failures);
          }
        });
      }
    }
    for (Service service : services) {
      Throwable failure = failures.get(service);
      if (failure != null) {
        throw new LaunchException(
            service.name()
                + " did not start on port "
                + service.port()
                + ": "
                + rootMessage(failure));
      }
    }
  }

  private static void start(
      Service service, Path jar, String secret, Map<Service, Throwable> failures) {
    List<String> args = new ArrayList<>(service.commandLine());
    // An argument of a method call in this JVM: no other process sees it.
    args.add("--flotilla.service-credentials.secret=" + secret);
    // On a thread of its own, so that the service's context class loader stays its own.
    Thread thread =
        Thread.ofPlatform()
            .name("start-" + service.name())
            .unstarted(() -> runService(service, jar, args));
    thread.setUncaughtExceptionHandler((t, e) -> failures.put(service, e));
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.put(service, new LaunchException("interrupted while starting " + service.name()));
    }
  }

  private static void runService(Service service, Path jar, List<String> args) {
    try {
      new ServiceJar(jar).run(args.toArray(String[]::new));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where everything is and what to try, once all is up; {@code more} adds to each service's line
   * (the process topology adds its process id).
   */
  static String readyText(List<Service> services, double seconds, Function<Service, String> more) {
    Service gateway = services.getLast();
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%nFlotilla is ready in %.1f s%n", seconds));
    for (Service service : services) {
      text.append(
              String.format(
                  Locale.ROOT,
                  "  %-10s %s%s",
                  service.instance(),
                  service.url(),
                  more.apply(service)))
          .append(System.lineSeparator());
    }
    text.append(String.format(Locale.ROOT, "Open %s/ for the web app, or try:%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  curl '%s/factorial?n=20'%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  curl '%s/fibonacci/100/'%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  curl -i %s/restaurant/dufva%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  ./flotilla menu \"Restaurang Bikupan\"%n"));
    text.append(String.format(Locale.ROOT, "  open %s/portal/%n", gateway.url()));
    text.append(
        String.format(
            Locale.ROOT,
            "Metrics and health on each service's management port (port + 1000), e.g.%n"
                + "  curl http://localhost:%d/actuator/prometheus%n",
            gateway.managementPort()));
    text.append(String.format(Locale.ROOT, "Press Ctrl-C to stop.%n"));
    return text.toString();
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null
        && (cause instanceof InvocationTargetException
            || cause instanceof IllegalStateException
            || cause.getCause().getMessage() != null)) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
