package io.flotilla.launcher;

import io.flotilla.testsupport.Commands;
import io.flotilla.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real Prometheus (Debian's package; .ci/run installs it) on {@code deploy/prometheus} as it
 * is, but scraping the ports of this test's processes every second instead of the default ports.
 */
final class RealPrometheus implements AutoCloseable {

  static final Path DEPLOY = Path.of("..", "deploy");

  static final String MISSING =
      "prometheus is not on the PATH (Debian package prometheus; .ci/run installs it)";

  private final Process server;
  private final int port;

  private RealPrometheus(Process server, int port) {
    this.server = server;
    this.port = port;
  }

  static boolean installed() {
    return Commands.onPath("prometheus").isPresent();
  }

  /** Starts Prometheus on a free port, scraping {@code localhost:<port>} for each of these. */
  static RealPrometheus scraping(Collection<Integer> ports) throws IOException {
    Path dir = Files.createTempDirectory("prometheus");
    String targets =
        ports.stream()
            .map(port -> "          - localhost:" + port)
            .collect(Collectors.joining("\n", "", "\n"));
    String config =
        Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"))
            .replace("scrape_interval: 15s", "scrape_interval: 1s")
            // The default ports' lines, each "- localhost:8081 # math", give way to this run's.
            .replaceAll("(?m)^ +- localhost:\\d+.*\\n", "")
            .replaceFirst("(?m)^( +- targets:\\n)", "$1" + targets);
    Files.writeString(dir.resolve("prometheus.yml"), config);
    Files.copy(DEPLOY.resolve("prometheus/alerts.yml"), dir.resolve("alerts.yml"));
    int port = FreePorts.next();
    Process server =
        new ProcessBuilder(
                Commands.onPath("prometheus").orElseThrow().toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    return new RealPrometheus(server, port);
  }

  /** How many targets are up, once that is all of them (or after 15 s, for the assertion). */
  String awaitTargetsUp(int expected) throws Exception {
    return ServiceProcesses.eventually(
        () -> query("count(up == 1)"), body -> body.contains("\"" + expected + "\"]"));
  }

  /** The answer of the query API; empty while Prometheus is not listening yet. */
  String query(String promql) throws Exception {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  String api(String path) throws Exception {
    try {
      return ServiceProcesses.http
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException notListeningYet) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.destroy();
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }
}
