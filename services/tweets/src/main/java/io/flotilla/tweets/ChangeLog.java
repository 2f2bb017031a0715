package io.flotilla.tweets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
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
 * <p>Numbering: an identity column alone is not enough. Two transactions can draw seq 10 and 11 and
 * commit in the other order; a consumer that has already read 11 and asks for "after 11" would
 * never see 10. So every append first locks the single row of {@code change_lock} (SELECT ... FOR
 * UPDATE, on every database and across replicas sharing it) and holds it until commit: a
 * transaction draws its seq only after the previous appender has committed, so seq order is commit
 * order and whatever a reader sees is a gap-free prefix (rolled-back seqs leave harmless holes).
 * The price is that writes queue for the lock for the few milliseconds of their commit, which is
 * far below what a microblog's write rate needs; the tweet row is changed before the lock is taken
 * (always in that order, so no deadlock) to keep the locked part short.
 */
@Repository
class ChangeLog {

  static final String CREATED = "created";
  static final String UPDATED = "updated";
  static final String DELETED = "deleted";

  private final JdbcClient jdbc;

  ChangeLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends a change in place of the tweet's earlier ones; must run inside the transaction that
   * made it. Each change carries the tweet's whole state, so the latest is all a consumer needs,
   * wherever its cursor is: the earlier ones go, and an edited or deleted text with them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void append(String type, long tweetId, Tweet state, Instant now) {
    jdbc.sql("SELECT id FROM change_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    if (!type.equals(CREATED)) {
      jdbc.sql("DELETE FROM tweet_changes WHERE tweet_id = :tweetId")
          .param("tweetId", tweetId)
          .update();
    }
    jdbc.sql(
            "INSERT INTO tweet_changes"
                + " (tweet_id, type, created, username, text, private, tag_id, tweet_created)"
                + " VALUES (:tweetId, :type, :now, :username, :text, :private, :tagId, :tweetCreated)")
        .param("tweetId", tweetId)
        .param("type", type)
        .param("now", TweetRepository.utc(now))
        .param("username", state == null ? null : state.username(), Types.VARCHAR)
        .param("text", state == null ? null : state.text(), Types.VARCHAR)
        .param("private", state == null ? null : state.isPrivate(), Types.BOOLEAN)
        .param("tagId", state == null ? null : state.tagId(), Types.INTEGER)
        .param(
            "tweetCreated",
            state == null ? null : TweetRepository.utc(state.created()),
            Types.TIMESTAMP)
        .update();
  }

  /** This log's epoch: drawn once when its database was created (see V3__feed_epoch.sql). */
  String epoch() {
    return jdbc.sql("SELECT epoch FROM feed_epoch WHERE id = 1").query(String.class).single();
  }

  /** The seq of the newest change, 0 when there is none. */
  long head() {
    return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM tweet_changes").query(Long.class).single();
  }

  /** Up to {@code limit} changes after {@code after}, in seq order. */
  List<Change> after(long after, int limit) {
    return jdbc.sql(
            "SELECT c.seq, c.tweet_id, c.type, c.created, c.username, c.text, c.private,"
                + " c.tag_id, g.name AS tag_name, c.tweet_created"
                + " FROM tweet_changes c LEFT JOIN tags g ON g.id = c.tag_id"
                + " WHERE c.seq > :after ORDER BY c.seq LIMIT :limit")
        .param("after", after)
        .param("limit", limit)
        .query(ChangeLog::change)
        .list();
  }

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
