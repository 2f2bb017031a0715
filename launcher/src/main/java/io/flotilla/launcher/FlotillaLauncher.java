package io.flotilla.launcher;

import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole system in one process: starts every service from its own executable jar, each on its
 * own port with its own configuration, and says where to find them once all are up. Ctrl-C stops
 * them all, each finishing its in-flight requests (graceful shutdown).
 *
 * <p>The jars are looked up in {@code services/} next to the launcher's jar, where the build puts
 * them, or in the directory given by {@code FLOTILLA_SERVICES_DIR}.
 */
public final class FlotillaLauncher {

  private FlotillaLauncher() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    try {
      List<Service> services = Topology.from(System.getenv());
      Path jars = servicesDirectory();
      for (Service service : services) {
        start(service, jars);
      }
      printReady(services, (System.nanoTime() - start) / 1e9);
    } catch (LaunchException | IllegalArgumentException e) {
      System.err.println("flotilla: " + e.getMessage());
      // Stops whatever did start: each service closes from its shutdown hook.
      System.exit(1);
    }
  }

  private static void start(Service service, Path jars) {
    Path jar = jars.resolve(service.name() + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new LaunchException(
          "no jar for the " + service.name() + " service at " + jar + "; build with ./flotilla up");
    }
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + service.port());
    // One banner per service would scroll the start-up past the screen.
    args.add("--spring.main.banner-mode=off");
    args.addAll(service.args());
    // On a thread of its own, so that the service's context class loader stays its own.
    Thread thread =
        Thread.ofPlatform()
            .name("start-" + service.name())
            .unstarted(() -> runService(service, jar, args));
    Failure failure = new Failure();
    thread.setUncaughtExceptionHandler((t, e) -> failure.cause = e);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while starting " + service.name());
    }
    if (failure.cause != null) {
      throw new LaunchException(
          service.name()
              + " did not start on port "
              + service.port()
              + ": "
              + rootMessage(failure.cause));
    }
  }

  private static void runService(Service service, Path jar, List<String> args) {
    try {
      new ServiceJar(jar).run(args.toArray(String[]::new));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path servicesDirectory() {
    String configured = System.getenv("FLOTILLA_SERVICES_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      Path launcherJar =
          Path.of(
              FlotillaLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return launcherJar.resolveSibling("services");
    } catch (URISyntaxException e) {
      throw new LaunchException("cannot tell where the launcher jar is: " + e.getMessage());
    }
  }

  private static void printReady(List<Service> services, double seconds) {
    Service gateway = services.getLast();
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%nFlotilla is ready in %.1f s%n", seconds));
    for (Service service : services) {
      text.append(String.format(Locale.ROOT, "  %-10s %s%n", service.name(), service.url()));
    }
    text.append(String.format(Locale.ROOT, "Open %s/ for the web app, or try:%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  curl '%s/factorial?n=20'%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  curl '%s/fibonacci/100/'%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  curl -i %s/restaurant/dufva%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "  ./flotilla menu \"Restaurang Bikupan\"%n"));
    text.append(String.format(Locale.ROOT, "  open %s/portal/%n", gateway.url()));
    text.append(String.format(Locale.ROOT, "Press Ctrl-C to stop.%n"));
    System.out.print(text);
    System.out.flush();
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

  private static final class Failure {
    volatile Throwable cause;
  }

  static final class LaunchException extends RuntimeException {
    LaunchException(String message) {
      super(message);
    }
  }
}
