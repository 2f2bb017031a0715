package io.flotilla.platform.faults;

import static io.flotilla.testsupport.Http.Answer.json;
import static io.flotilla.testsupport.Http.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokens;
import io.flotilla.platform.sample.SampleApplication;
import io.flotilla.testsupport.Http;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * The fault switch answers only a service token for this service, read or write, over a real
 * management port, in a service without Spring Security (the sample has none); the port's other
 * endpoints stay open to Prometheus and the orchestrator.
 */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=sample",
      "management.server.port=0",
      "flotilla.service-credentials.secret=" + FaultsSwitchTokenTest.SECRET
    })
class FaultsSwitchTokenTest {

  static final String SECRET = "the fault switch's test secret, 32 bytes or more";
  static final String NO_FAULTS = "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}";
  static final String NO_TOKEN =
      "This endpoint is for Flotilla's services only: send Authorization: Bearer <service token>,"
          + " a token for this service signed with the shared service secret (./flotilla token"
          + " <service> makes one from FLOTILLA_SERVICE_SECRET).";
  static final String BAD_TOKEN =
      "The service token is invalid, has expired, or is for another service.";

  @LocalManagementPort int managementPort;

  @AfterEach
  void noFaults() {
    assertThat(operator().post("/actuator/faults", "{}")).isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void withoutATokenTheSwitchIsNeitherShownNorSwitched() {
    Http anonymous = Http.port(managementPort);

    Http.Answer read = anonymous.get("/actuator/faults");
    assertThat(read).isEqualTo(problem(401, "Unauthorized", NO_TOKEN, "/actuator/faults"));
    assertThat(read.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(anonymous.post("/actuator/faults", "{\"outage\":true}"))
        .isEqualTo(problem(401, "Unauthorized", NO_TOKEN, "/actuator/faults"));

    assertThat(operator().get("/actuator/faults")).isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void aTokenForAnotherServiceOrFromAnotherSecretIsRefused() {
    String forTweets = token(SECRET, "tweets");
    String otherSecret = token("another secret, also thirty-two bytes or more", "sample");

    for (String token : new String[] {forTweets, otherSecret, "not.a.token"}) {
      Http.Answer answer = Http.port(managementPort).as(token).post("/actuator/faults", "{}");
      assertThat(answer).isEqualTo(problem(401, "Unauthorized", BAD_TOKEN, "/actuator/faults"));
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }
  }

  @Test
  void aTokenForThisServiceReadsAndSwitches() {
    assertThat(operator().post("/actuator/faults", "{\"delay\":\"5ms\"}"))
        .isEqualTo(json(200, "{\"delay\":\"5ms\",\"errorRate\":0.0,\"outage\":false}"));
    assertThat(operator().get("/actuator/faults"))
        .isEqualTo(json(200, "{\"delay\":\"5ms\",\"errorRate\":0.0,\"outage\":false}"));
  }

  @Test
  void noOtherSpellingOfThePathSlipsPast() {
    Http anonymous = Http.port(managementPort);

    for (String path :
        new String[] {
          "/actuator/faults/",
          "/actuator/%66aults",
          "/actuator/faults;x=1",
          "/actuator/faults?x=1",
          "/actuator//faults",
          "//actuator/faults",
          "/actuator/./faults",
          "/x/../actuator/faults"
        }) {
      Http.Answer answer = anonymous.post(path, "{\"outage\":true}");
      assertThat(answer.status()).as(path).isIn(400, 401, 404);
    }
    assertThat(operator().get("/actuator/faults")).isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void healthMetricsAndInfoNeedNoToken() {
    Http anonymous = Http.port(managementPort);

    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
    assertThat(anonymous.scraped("flotilla_faults_active")).isZero();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void withoutASecretEveryCallIsRefusedAndTheServiceSaysSo(CapturedOutput output) {
    try (var app =
        new SpringApplicationBuilder(SampleApplication.class)
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.application.name=sample",
                "--flotilla.service-credentials.secret=")) {
      int port = app.getEnvironment().getRequiredProperty("local.management.port", int.class);
      Http management = Http.port(port);

      assertThat(management.get("/actuator/faults").status()).isEqualTo(401);
      assertThat(management.as(token(SECRET, "sample")).post("/actuator/faults", "{}"))
          .isEqualTo(problem(401, "Unauthorized", BAD_TOKEN, "/actuator/faults"));
      assertThat(management.get("/actuator/health").status()).isEqualTo(200);
    }
    assertThat(output.getOut().lines().filter(line -> line.contains("WARN")))
        .anySatisfy(line ->
            assertThat(line)
                .contains(
                    "no secret (FLOTILLA_SERVICE_SECRET",
                    "sample's fault switch (the faults endpoint) refuses every call"));
  }

  private Http operator() {
    return Http.port(managementPort)
        .header("Accept", "application/json")
        .as(token(SECRET, "sample"));
  }

  static String token(String secret, String audience) {
    return ServiceTokens.mint(
        ServiceSecret.key(secret).orElseThrow(),
        "operator",
        audience,
        Instant.now(),
        Duration.ofMinutes(5));
  }
}
