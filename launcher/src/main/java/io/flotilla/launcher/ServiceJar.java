package io.flotilla.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.JarLauncher;
import org.springframework.boot.loader.net.protocol.Handlers;

/**
 * One service's executable jar, run inside this JVM the way {@code java -jar} would run it, but in
 * a class loader of its own: each service keeps exactly the libraries and auto-configuration it has
 * in production, whatever the others bring.
 */
final class ServiceJar extends JarLauncher {

  ServiceJar(Path jar) throws Exception {
    super(Archive.create(jar.toFile()));
  }

  /** Runs the service's main method on the calling thread; returns once the service is up. */
  void run(String... args) throws Exception {
    launch(args);
  }

  /** The jar's own libraries in a class loader, without running it: e.g. its database driver. */
  ClassLoader classLoader() throws Exception {
    Handlers.register();
    return createClassLoader(getClassPathUrls());
  }

  /**
   * The service's jar: in {@code services/} next to the launcher's jar, where the build puts them,
   * or in the directory given by {@code FLOTILLA_SERVICES_DIR}.
   */
  static Path of(String service) {
    Path jar = directory().resolve(service + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new LaunchException(
          "no jar for the " + service + " service at " + jar + "; build with ./flotilla up");
    }
    return jar;
  }

  private static Path directory() {
    String configured = System.getenv("FLOTILLA_SERVICES_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      Path launcherJar =
          Path.of(ServiceJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return launcherJar.resolveSibling("services");
    } catch (URISyntaxException e) {
      throw new LaunchException("cannot tell where the launcher jar is: " + e.getMessage());
    }
  }
}
