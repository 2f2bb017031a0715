package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.flotilla.cli.Cli.Run;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When Flotilla is not there or answers something unusable: exit code 2 and one line on stderr
 * naming the URL and the reason, nothing on stdout, never a stack trace. Stand-ins play the broken
 * servers.
 */
class ServerProblemsTest {

  HttpServer standIn;

  @AfterEach
  void stop() {
    if (standIn != null) {
      standIn.stop(0);
    }
  }

  @Test
  void aClosedPortIsOneLineWithTheUrlAndAHint() throws IOException {
    String url = "http://localhost:" + closedPort();

    assertThat(Cli.run("menu", "--url", url, "dufva"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: cannot reach "
                    + url
                    + " (connection refused) — is Flotilla running? Start it with ./flotilla up\n"));
  }

  @Test
  void theDefaultUrlIsTheGatewayOnThisMachine() {
    Run run = Cli.run("menu", "--json");

    // A Flotilla may or may not be running here; either way the gateway's address was asked.
    if (run.exitCode() != 0) {
      assertThat(run.err()).startsWith("flotilla: ").contains("http://localhost:8080");
    }
  }

  @Test
  void anUnknownHostIsSaidSo() {
    assertThat(Cli.run("menu", "--url", "http://flotilla.invalid", "dufva").err())
        .isEqualTo(
            "flotilla: cannot reach http://flotilla.invalid (unknown host) — is Flotilla running?"
                + " Start it with ./flotilla up\n");
  }

  @Test
  void anErrorAnswerThatIsNotJsonIsOneLineWithItsStatus() throws IOException {
    String url = serve(502, "text/html", "<html><body>Bad Gateway</body></html>");

    assertThat(Cli.run("menu", "--url", url))
        .isEqualTo(new Run(2, "", "flotilla: " + url + "/restaurant answered 502\n"));
  }

  @Test
  void aProblemDetailIsShownOnOneLine() throws IOException {
    String url =
        serve(
            504,
            "application/problem+json",
            "{\"title\":\"Gateway Timeout\",\"status\":504,"
                + "\"detail\":\"The lunch service did not answer\\nwithin 5 s.\"}");

    assertThat(Cli.run("menu", "--url", url, "dufva"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + url
                    + "/restaurant answered 504: The lunch service did not answer within 5 s.\n"));
  }

  @Test
  void aSuccessThatIsNotJsonIsRefused() throws IOException {
    String url = serve(200, "text/html", "<html><body>Welcome to nginx!</body></html>");

    assertThat(Cli.run("menu", "--url", url, "--json"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + url
                    + "/restaurant answered 200 with text/html, not the JSON"
                    + " expected\n"));
  }

  @Test
  void jsonOfAnotherShapeIsRefused() throws IOException {
    String url = serve(200, "application/json", "{\"entities\":[\"restaurant\"]}");

    assertThat(Cli.run("menu", "--url", url))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: " + url + "/restaurant answered without a \"restaurants\" list\n"));
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    Run run = Cli.run("menu", "--url", "localhost:8080");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            "--url must be an http:// or https:// address such as http://localhost:8080, got"
                + " \"localhost:8080\"\nUsage: flotilla menu ");
  }

  @Test
  void aBadFlotillaUrlIsNamedAsSuch() {
    Run run = Cli.run(Map.of("FLOTILLA_URL", "ftp://example.org"), "menu");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err()).startsWith("FLOTILLA_URL must be an http:// or https:// address");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNotAServerProblem() {
    Run run = Cli.run("menu", "--jsn");

    assertThat(run)
        .isEqualTo(new Run(64, "", "Unknown option: '--jsn'\nPossible solutions: --json\n"));
  }

  @Test
  void helpAndVersionAreOnStdout() {
    Run help = Cli.run("menu", "--help");
    Run version = Cli.run("--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .startsWith("Usage: flotilla menu [-hV] [--json] [--timeout=SECONDS] [--url=URL] [NAME...]")
        .contains("FLOTILLA_URL", "Exit codes:", "64   the command line is wrong");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).matches("flotilla \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  /** A stand-in answering every request with the given status and body; its base URL. */
  private String serve(int status, String contentType, String body) throws IOException {
    standIn = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    standIn.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    standIn.start();
    return "http://localhost:" + standIn.getAddress().getPort();
  }

  /** A port nothing listens on: one that was free a moment ago. */
  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
