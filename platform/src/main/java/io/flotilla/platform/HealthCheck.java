package io.flotilla.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The containers' health check: {@code java -cp '/app/libs/*' io.flotilla.platform.HealthCheck
 * http://localhost:9081/actuator/health/readiness} exits 0 when the URL answers 2xx, else 1.
 *
 * <p>A JRE base image has no curl, and a distroless one not even a shell, but every image of ours
 * has {@code java}. This class uses only {@code java.base}, so the check costs a JVM start of a
 * fraction of a second and works on whichever base image the build is given.
 */
public final class HealthCheck {

  private static final int CONNECT_TIMEOUT_MS = 2_000;
  private static final int READ_TIMEOUT_MS = 3_000;

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(check(args));
  }

  /** The exit code: 0 healthy, 1 not (Docker reads any other code as an error of the check). */
  static int check(String... args) {
    if (args.length != 1) {
      System.err.println("usage: HealthCheck URL   (e.g. http://localhost:9081/actuator/health)");
      return 1;
    }
    try {
      var connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
      connection.setReadTimeout(READ_TIMEOUT_MS);
      int status = connection.getResponseCode();
      // Read the body so that the answer is complete, and show it: docker inspect keeps it.
      try (InputStream body =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        String text = body == null ? "" : new String(body.readNBytes(1024));
        System.out.println(status + " " + text);
      }
      return status >= 200 && status < 300 ? 0 : 1;
    } catch (IOException | IllegalArgumentException e) {
      System.out.println(args[0] + " failed: " + e);
      return 1;
    }
  }
}
