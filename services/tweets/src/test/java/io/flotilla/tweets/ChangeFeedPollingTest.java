package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.testsupport.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A write made through another replica never signals this one: a waiting request finds it by
 * re-reading the database every poll interval (500 ms by default).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:tweets-polling;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ChangeFeedPollingTest extends ApiTest {

  @Autowired MeterRegistry registry;
  @Autowired JdbcClient jdbc;

  @Test
  void aWaitingRequestSeesAChangeWrittenByAnotherReplica() throws Exception {
    CompletableFuture<Http.Answer> poll =
        CompletableFuture.supplyAsync(() -> search().get("/internal/v1/changes?wait=30s"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> registry.get("tweets.feed.waiting").gauge().value() >= 1);

    // What another replica's delete would leave behind: a change row, and no signal here.
    jdbc.sql("INSERT INTO tweet_changes (tweet_id, type, created) VALUES (77, 'deleted', :now)")
        .param("now", LocalDateTime.now())
        .update();

    assertThat(poll.get(20, TimeUnit.SECONDS).body())
        .matches(
            "\\{\"epoch\":\"[0-9a-f-]{36}\","
                + "\"changes\":\\[\\{\"seq\":1,\"type\":\"deleted\",\"tweetId\":77,\"tweet\":null,"
                + "\"at\":\""
                + ChangeFeedTest.AT
                + "\"}],"
                + "\"last\":1,\"head\":1}");
  }
}
