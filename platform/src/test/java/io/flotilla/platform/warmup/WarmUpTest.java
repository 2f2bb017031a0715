package io.flotilla.platform.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** A service answers its own warm-up requests over its port before it reports ready. */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTest {

  @Test
  void theRequestsAreAnsweredOneByOneBeforeTheServiceReportsReady(CapturedOutput output) {
    List<String> outputWhenReady = new ArrayList<>();
    try (ConfigurableApplicationContext context =
        sample(outputWhenReady, output)
            .run(
                "--flotilla.warm-up.requests[0].method=POST",
                "--flotilla.warm-up.requests[0].path=/count",
                "--flotilla.warm-up.requests[0].body=[1,2,3]",
                "--flotilla.warm-up.requests[1].path=/hello")) {
      assertThat(outputWhenReady).hasSize(1);
      assertThat(outputWhenReady.getFirst())
          .contains("POST /count 200", "GET /hello 200")
          .containsPattern(
              "warm-up requests answered in \\d+ ms: \\[POST /count 200, GET /hello 200]");
    }
  }

  @Test
  void anAnswerThatIsAnErrorDoesNotStopTheStart(CapturedOutput output) {
    List<String> outputWhenReady = new ArrayList<>();
    try (ConfigurableApplicationContext context =
        sample(outputWhenReady, output).run("--flotilla.warm-up.requests[0].path=/boom")) {
      assertThat(context.isActive()).isTrue();
      assertThat(outputWhenReady.getFirst())
          .containsPattern("warm-up requests answered in \\d+ ms: \\[GET /boom 500]");
    }
  }

  @Test
  void aServiceThatListsNoneAsksForAPathItDoesNotHave(CapturedOutput output) {
    List<String> outputWhenReady = new ArrayList<>();
    try (ConfigurableApplicationContext context = sample(outputWhenReady, output).run()) {
      assertThat(outputWhenReady.getFirst())
          .containsPattern("warm-up requests answered in \\d+ ms: \\[GET /flotilla-warm-up 404]");
    }
  }

  /** As the launcher runs the services behind the gateway with FLOTILLA_SERVICES_ADDRESS. */
  @Test
  void aServiceListeningOnOneAddressIsAskedThere(CapturedOutput output) {
    List<String> outputWhenReady = new ArrayList<>();
    try (ConfigurableApplicationContext context =
        sample(outputWhenReady, output).run("--server.address=127.0.0.2")) {
      assertThat(outputWhenReady.getFirst())
          .containsPattern("warm-up requests answered in \\d+ ms: \\[GET /flotilla-warm-up 404]");
    }
  }

  @Test
  void offWhenDisabled(CapturedOutput output) {
    List<String> outputWhenReady = new ArrayList<>();
    try (ConfigurableApplicationContext context =
        sample(outputWhenReady, output).run("--flotilla.warm-up.enabled=false")) {
      assertThat(outputWhenReady.getFirst()).doesNotContain("warm-up", "/flotilla-warm-up");
    }
  }

  /** The sample service on a free port; what it had logged when it reported ready, into a list. */
  private static SpringApplicationBuilder sample(List<String> outputWhenReady, CapturedOutput out) {
    ApplicationListener<ApplicationEvent> readiness =
        event -> {
          if (event instanceof AvailabilityChangeEvent<?> change
              && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            outputWhenReady.add(out.getOut());
          }
        };
    return new SpringApplicationBuilder(SampleApplication.class)
        .properties("server.port=0", "spring.main.banner-mode=off")
        .listeners(readiness);
  }
}
