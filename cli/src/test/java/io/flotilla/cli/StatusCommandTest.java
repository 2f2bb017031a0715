package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.Cli.Run;
import io.flotilla.testsupport.StandInServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code flotilla status} against a stand-in for the gateway's status endpoint: the lines it prints
 * and the exit code a script tests. The launcher's IT runs it against the real system.
 */
class StatusCommandTest {

  StandInServer gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void everyServiceUpIsALineEachAndExitCodeZero() {
    serve(
        200,
        """
        {"status":"UP","checked":"2026-12-07T01:02:03Z","services":[
          {"name":"math","status":"UP","detail":null},
          {"name":"hardware","status":"UP","detail":"2 of 2 instances ready"}]}\
        """);

    assertThat(Cli.run("status", "--url", gateway.url()))
        .isEqualTo(
            new Run(
                0,
                "Flotilla at "
                    + gateway.url()
                    + " is UP (checked 2026-12-07T01:02:03Z)\n"
                    + "  math      UP\n"
                    + "  hardware  UP           2 of 2 instances ready\n",
                ""));
  }

  @Test
  void aServiceDownIsNamedWithItsReasonAndExitCodeOne() {
    serve(
        200,
        """
        {"status":"DEGRADED","checked":"2026-12-07T01:02:03Z","services":[
          {"name":"math","status":"UP","detail":null},
          {"name":"search","status":"UNREACHABLE","detail":"cannot be reached"}]}\
        """);

    Run run = Cli.run("status", "--url", gateway.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .endsWith(
            "is DEGRADED (checked 2026-12-07T01:02:03Z)\n"
                + "  math    UP\n"
                + "  search  UNREACHABLE  cannot be reached\n");
  }

  @Test
  void theFlotillaUrlVariableIsWhereItAsks() {
    serve(200, "{\"status\":\"UP\",\"checked\":\"now\",\"services\":[]}");

    Run run = Cli.run(java.util.Map.of("FLOTILLA_URL", gateway.url() + "/"), "status");

    assertThat(run)
        .isEqualTo(new Run(0, "Flotilla at " + gateway.url() + " is UP (checked now)\n", ""));
  }

  @Test
  void anErrorOfTheGatewayIsOneLineAndExitCodeTwo() {
    serve(503, "{\"title\":\"Service Unavailable\",\"detail\":\"The gateway is starting.\"}");

    assertThat(Cli.run("status", "--url", gateway.url()))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + gateway.url()
                    + "/api/v1/status answered 503: The gateway is starting.\n"));
  }

  @Test
  void jsonWithoutServicesIsRefused() {
    serve(200, "{\"restaurants\":[]}");

    assertThat(Cli.run("status", "--url", gateway.url()))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + gateway.url()
                    + "/api/v1/status answered without a status and its services\n"));
  }

  private void serve(int status, String json) {
    gateway =
        StandInServer.start(
            "/api/v1/status",
            exchange -> {
              byte[] body = json.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(status, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
  }
}
