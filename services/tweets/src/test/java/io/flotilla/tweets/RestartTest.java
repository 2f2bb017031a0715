package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default start: an H2 file under FLOTILLA_DATA_DIR and the laptop profile's demo tweets,
 * written once and kept (with everything else) over a restart.
 */
class RestartTest {

  private static final String TS = "\"created\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"";

  @TempDir Path dataDir;

  @Test
  void demoTweetsOnFirstStartAndWritesSurviveARestart() {
    String dataDirSetting = "--FLOTILLA_DATA_DIR=" + dataDir;

    try (var app = new RunningApp(dataDirSetting)) {
      assertThat(app.http().get("/api/v1/tweets/").body())
          .matches(
              "\\[\\{\"id\":4,\"username\":\"gina\",\"text\":\"#slalom4lyfe\",\"private\":false,"
                  + "\"tag\":null,"
                  + TS
                  + "},"
                  + "\\{\"id\":3,\"username\":\"karina\",\"text\":\"riri give us the album\","
                  + "\"private\":false,\"tag\":\"health\","
                  + TS
                  + "},"
                  + "\\{\"id\":2,\"username\":\"bob\",\"text\":\"bts slays\",\"private\":false,"
                  + "\"tag\":\"world news\","
                  + TS
                  + "},"
                  + "\\{\"id\":1,\"username\":\"karina\",\"text\":\"my stomatch hurts\","
                  + "\"private\":false,\"tag\":\"general\","
                  + TS
                  + "}]");
      // The demo tweets reach the feed like any write, so search indexes them.
      assertThat(ChangeFeedTest.seqs(app.search().get("/internal/v1/changes").body()))
          .containsExactly(1L, 2L, 3L, 4L);
      assertThat(app.as("simon").post("/api/v1/tweets/", "{\"text\":\"kept\"}").location())
          .isEqualTo("/api/v1/tweets/5");
      assertThat(app.as("bob").delete("/api/v1/tweets/2").status()).isEqualTo(204);
    }
    assertThat(dataDir.resolve("tweets/tweets.mv.db")).exists();

    try (var app = new RunningApp(dataDirSetting)) {
      // Not loaded again: bob's deleted demo tweet stays deleted.
      assertThat(ReadsTest.texts(app.http().get("/api/v1/tweets").body()))
          .isEqualTo("kept|#slalom4lyfe|riri give us the album|my stomatch hurts");
      // The deletion (6) replaced the demo tweet's creation (2) in the feed.
      assertThat(ChangeFeedTest.seqs(app.search().get("/internal/v1/changes").body()))
          .containsExactly(1L, 3L, 4L, 5L, 6L);
    }
  }
}
