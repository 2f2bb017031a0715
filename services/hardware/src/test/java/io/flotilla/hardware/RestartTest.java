package io.flotilla.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database: an H2 file under FLOTILLA_DATA_DIR, seeded once, kept over a restart. */
class RestartTest {

  private static final String SEED =
      "\\[\\{\"availability\":\"(HIGH|MEDIUM|LOW)\",\"name\":\"c5\",\"provider\":\"Amazon\",\"id\":1},"
          + "\\{\"availability\":\"(HIGH|MEDIUM|LOW)\",\"name\":\"H16mr\",\"provider\":\"Azure\",\"id\":2}";

  @TempDir Path dataDir;

  @Test
  void theSeedRowsArePresentOnFirstStartAndRowsSurviveARestart() {
    String dataDirSetting = "--FLOTILLA_DATA_DIR=" + dataDir;

    try (var app = new RunningApp(dataDirSetting)) {
      // The real simulated probe answers one of the seed's three values.
      assertThat(app.http().get("/hardware/").body()).matches(SEED + "]");
      assertThat(
              app.http().post("/hardware/", "{\"provider\":\"Oracle\",\"name\":\"E4\"}").location())
          .isEqualTo("/hardware/3");
    }
    assertThat(dataDir.resolve("hardware/hardware.mv.db")).exists();

    try (var app = new RunningApp(dataDirSetting)) {
      assertThat(app.http().get("/hardware").body())
          .matches(
              SEED
                  + ",\\{\"availability\":\"(HIGH|MEDIUM|LOW)\",\"name\":\"E4\",\"provider\":\"Oracle\",\"id\":3}]");
    }
  }
}
