package io.flotilla.launcher;

import java.nio.file.Path;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.JarLauncher;

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
}
