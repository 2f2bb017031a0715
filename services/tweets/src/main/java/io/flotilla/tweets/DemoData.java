package io.flotilla.tweets;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract's demo tweets (laptop profile only: {@code flotilla.tweets.demo-data}), written once
 * through the normal write path so that they reach the change feed and search. A row in {@code
 * demo_loads} marks them loaded, in the same transaction: a restart (or a second replica starting
 * at the same time, which meets the primary key) does not write them again, and deleting them keeps
 * them deleted.
 */
@Component
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final String NAME = "tweets";

  private final TweetsProperties properties;
  private final Tweets tweets;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  DemoData(
      TweetsProperties properties,
      Tweets tweets,
      JdbcClient jdbc,
      TransactionTemplate transaction) {
    this.properties = properties;
    this.tweets = tweets;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demoData()) {
      return;
    }
    try {
      transaction.executeWithoutResult(status -> {
        long loaded =
            jdbc.sql("SELECT COUNT(*) FROM demo_loads WHERE name = :name")
                .param("name", NAME)
                .query(Long.class)
                .single();
        if (loaded > 0) {
          return;
        }
        jdbc.sql("INSERT INTO demo_loads (name, loaded) VALUES (:name, :now)")
            .param("name", NAME)
            .param("now", LocalDateTime.now(ZoneOffset.UTC))
            .update();
        tweets.create(new Author(null, "karina"), new Draft("my stomatch hurts", 1, false));
        tweets.create(new Author(null, "bob"), new Draft("bts slays", 4, false));
        tweets.create(new Author(null, "karina"), new Draft("riri give us the album", 2, false));
        tweets.create(new Author(null, "gina"), new Draft("#slalom4lyfe", null, false));
        log.info("demo tweets loaded count=4");
      });
    } catch (DuplicateKeyException loadedByAnotherReplica) {
      log.info("demo tweets already loaded by another replica");
    }
  }
}
