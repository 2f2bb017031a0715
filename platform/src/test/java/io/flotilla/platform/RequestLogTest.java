package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

  private final Locale defaultLocale = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(defaultLocale);
  }

  @Test
  void durationIsWrittenWithADecimalPointWhateverTheMachineLocale(CapturedOutput output) {
    // A decimal comma would change the line's shape on, say, a German developer's laptop.
    Locale.setDefault(Locale.GERMANY);

    RequestLog.answered("GET", "/factorial", "n=5", 200, System.nanoTime(), "locale-test");

    assertThat(output.getOut()).containsPattern("GET /factorial\\?n=5 200 \\d+\\.\\d{2} ms");
  }
}
