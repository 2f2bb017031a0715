package io.flotilla.tweets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox behind the change feed: {@code tweet_changes}, the latest accepted write of each
 * tweet, appended in the write's own transaction. Each row carries the tweet's state after the
 * write (all null for a deletion), so a deleted tweet still yields its {@code deleted} change, and
 * a tweet's earlier rows go when a new one comes (see {@link #append}).
 *
 * <p>Numbering: the feed's {@code seq} must follow commit order, or a consumer that has read 11 and
 * asks for "after 11" would never see a 10 that committed later. A number drawn while writing
 * cannot promise that without making every write wait for the previous one's commit (a lock held
 * through it: writes were then as many per second as the disk has flushes). So a change is appended
 * unnumbered, and {@link #number} gives the committed ones their numbers afterwards, in one short
 * transaction under the lock of {@code change_lock}'s single row (on every database and across
 * replicas sharing it): each round's numbers are above every earlier one, and a reader sees a
 * prefix of the feed, never a hole that fills later. Writes commit side by side; the database
 * groups their flushes.
 */
@Repository
class ChangeLog {

  static final String CREATED = "created";
  static final String UPDATED = "updated";
  static final String DELETED = "deleted";

  private static final String INSERT =
      "INSERT INTO tweet_changes"
          + " (tweet_id, type, created, username, text, private, tag_id, tweet_created)"
          + " VALUES (:tweetId, :type, :now, :username, :text, :private, :tagId, :tweetCreated)";

  /** The most ids one round of {@link #number} spans: a few feed pages. */
  static final int MAX_NUMBERED = 10_000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  ChangeLog(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /**
   * Appends a change in place of the tweet's earlier ones; must run inside the transaction that
   * made it. Each change carries the tweet's whole state, so the latest is all a consumer needs,
   * wherever its cursor is: the earlier ones go, and an edited or deleted text with them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void append(String type, long tweetId, Tweet state, Instant now) {
    if (!type.equals(CREATED)) {
      jdbc.sql("DELETE FROM tweet_changes WHERE tweet_id = :tweetId")
          .param("tweetId", tweetId)
          .update();
    }
    named.update(INSERT, row(type, tweetId, state, now));
  }

  /**
   * Appends the {@code created} changes of new tweets in one JDBC batch; must run inside the
   * transaction that wrote them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void appendCreated(List<Tweet> created, Instant now) {
    named.batchUpdate(
        INSERT,
        created.stream()
            .map(tweet -> row(CREATED, tweet.id(), tweet, now))
            .toArray(SqlParameterSource[]::new));
  }

  private static SqlParameterSource row(String type, long tweetId, Tweet state, Instant now) {
    return new MapSqlParameterSource()
        .addValue("tweetId", tweetId)
        .addValue("type", type)
        .addValue("now", TweetRepository.utc(now))
        .addValue("username", state == null ? null : state.username(), Types.VARCHAR)
        .addValue("text", state == null ? null : state.text(), Types.VARCHAR)
        .addValue("private", state == null ? null : state.isPrivate(), Types.BOOLEAN)
        .addValue("tagId", state == null ? null : state.tagId(), Types.INTEGER)
        .addValue(
            "tweetCreated",
            state == null ? null : TweetRepository.utc(state.created()),
            Types.TIMESTAMP);
  }

  /** Whether any committed change waits for its number: a cheap look before {@link #number}. */
  boolean unnumbered() {
    return jdbc.sql("SELECT COUNT(*) FROM tweet_changes WHERE seq IS NULL")
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Numbers the committed changes that have no number yet, above every number given before (the
   * head kept with the lock, not the newest row's: a replaced row's number is never given again, or
   * a reader past it would miss what gets it), in the order they were appended (by id; rolled-back
   * or skipped numbers leave harmless holes): those among the first {@value #MAX_NUMBERED} ids
   * waiting, so that the transaction stays short after a bulk load that no one read meanwhile; the
   * rest wait for the next round, which numbers them higher.
   *
   * <p>Read committed (the pool's isolation on every database, see application.yaml), so that what
   * the statements see after the lock is what has committed by then, on MariaDB too (whose default
   * would keep the snapshot of the transaction's first read). A change that commits during the
   * update and falls in the range gets a number above the head all the same; one below the range
   * waits for the next round.
   */
  @Transactional
  void number() {
    long head =
        jdbc.sql("SELECT head FROM change_lock WHERE id = 1 FOR UPDATE").query(Long.class).single();
    Range waiting =
        jdbc.sql("SELECT MIN(id) AS low, MAX(id) AS high FROM tweet_changes WHERE seq IS NULL")
            .query((rs, row) -> new Range(rs.getLong("low"), rs.getLong("high")))
            .single();
    if (waiting.low() == 0) {
      return; // numbered meanwhile, by another reader or replica
    }
    long high = Math.min(waiting.high(), waiting.low() + MAX_NUMBERED - 1);
    long offset = Math.max(0, head - waiting.low() + 1);
    jdbc.sql(
            "UPDATE tweet_changes SET seq = id + :offset"
                + " WHERE seq IS NULL AND id BETWEEN :low AND :high")
        .param("offset", offset)
        .param("low", waiting.low())
        .param("high", high)
        .update();
    jdbc.sql("UPDATE change_lock SET head = :head WHERE id = 1")
        .param("head", high + offset)
        .update();
  }

  /** Ids from low to high; ids start at 1, so 0 is none (MIN over no rows is null, read as 0). */
  private record Range(long low, long high) {}

  /** This log's epoch: drawn once when its database was created (see V3__feed_epoch.sql). */
  String epoch() {
    return jdbc.sql("SELECT epoch FROM feed_epoch WHERE id = 1").query(String.class).single();
  }

  /**
   * The newest seq given, 0 before the first. A number, not always a row: the row that had it may
   * have been replaced by its tweet's next change, which waits for a higher one.
   */
  long head() {
    return jdbc.sql("SELECT head FROM change_lock WHERE id = 1").query(Long.class).single();
  }

  /**
   * Up to {@code limit} changes after {@code after}, in seq order, and the seq of the newest change
   * as the same statement saw it (a second query only when there is no change to carry it).
   */
  Tail after(long after, int limit) {
    List<Numbered> rows =
        jdbc.sql(
                "SELECT c.seq, c.tweet_id, c.type, c.created, c.username, c.text, c.private,"
                    + " c.tag_id, g.name AS tag_name, c.tweet_created,"
                    + " (SELECT head FROM change_lock WHERE id = 1) AS head"
                    + " FROM tweet_changes c LEFT JOIN tags g ON g.id = c.tag_id"
                    + " WHERE c.seq > :after ORDER BY c.seq LIMIT :limit")
            .param("after", after)
            .param("limit", limit)
            .query((rs, row) -> new Numbered(change(rs, row), rs.getLong("head")))
            .list();
    if (rows.isEmpty()) {
      return new Tail(List.of(), head());
    }
    return new Tail(rows.stream().map(Numbered::change).toList(), rows.getFirst().head());
  }

  /** Changes read from the log, and the seq of its newest change at the time. */
  record Tail(List<Change> changes, long head) {}

  private record Numbered(Change change, long head) {}

  /**
   * One change.
   *
   * @param tweet the tweet's state after the change, null for a deletion
   * @param at when the change was made
   */
  record Change(long seq, String type, long tweetId, Tweet tweet, Instant at) {}

  private static Change change(ResultSet rs, int row) throws SQLException {
    long tweetId = rs.getLong("tweet_id");
    Tweet tweet = null;
    if (rs.getString("username") != null) {
      int tagId = rs.getInt("tag_id");
      boolean noTag = rs.wasNull();
      tweet =
          new Tweet(
              tweetId,
              null, // the feed carries the username only
              rs.getString("username"),
              rs.getString("text"),
              rs.getBoolean("private"),
              noTag ? null : tagId,
              rs.getString("tag_name"),
              TweetRepository.instant(rs, "tweet_created"));
    }
    return new Change(
        rs.getLong("seq"),
        rs.getString("type"),
        tweetId,
        tweet,
        TweetRepository.instant(rs, "created"));
  }
}
