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

  private static final String ANSWERED = "warm-up requests answered in \\d+ ms: ";

  @Test
  void theRequestsAreAnsweredOneByOneBeforeTheServiceReportsReady(CapturedOutput output) {
    assertThat(
            loggedWhenReady(
                output,
                "--flotilla.warm-up.requests[0].method=POST",
                "--flotilla.warm-up.requests[0].path=/count",
                "--flotilla.warm-up.requests[0].body=[1,2,3]",
                "--flotilla.warm-up.requests[1].path=/hello"))
        .contains("POST /count 200", "GET /hello 200")
        .containsPattern(ANSWERED + "\\[POST /count 200, GET /hello 200]");
  }

  @Test
  void anAnswerThatIsAnErrorDoesNotStopTheStart(CapturedOutput output) {
    assertThat(loggedWhenReady(output, "--flotilla.warm-up.requests[0].path=/boom"))
        .containsPattern(ANSWERED + "\\[GET /boom 500]");
  }

  @Test
  void aServiceThatListsNoneAsksForAPathItDoesNotHave(CapturedOutput output) {
    assertThat(loggedWhenReady(output)).containsPattern(ANSWERED + "\\[GET /flotilla-warm-up 404]");
  }

  /** As the launcher runs the services behind the gateway with FLOTILLA_SERVICES_ADDRESS. */
  @Test
  void aServiceListeningOnOneAddressIsAskedThere(CapturedOutput output) {
    assertThat(loggedWhenReady(output, "--server.address=127.0.0.2"))
        .containsPattern(ANSWERED + "\\[GET /flotilla-warm-up 404]");
  }

  @Test
  void offWhenDisabled(CapturedOutput output) {
    assertThat(loggedWhenReady(output, "--flotilla.warm-up.enabled=false"))
        .doesNotContain("warm-up", "/flotilla-warm-up");
  }

  /**
   * Starts the sample service on a free port with {@code args}, and stops it again: what it had
   * logged when it reported ready (once: the start does not fail on a warm-up answer).
   */
  private static String loggedWhenReady(CapturedOutput output, String... args) {
    List<String> whenReady = new ArrayList<>();
    ApplicationListener<ApplicationEvent> readiness =
        event -> {
          if (event instanceof AvailabilityChangeEvent<?> change
              && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            whenReady.add(output.getOut());
          }
        };
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SampleApplication.class)
            .properties("server.port=0", "spring.main.banner-mode=off")
            .listeners(readiness)
            .run(args)) {
      assertThat(whenReady).hasSize(1);
      return whenReady.getFirst();
    }
  }
}
