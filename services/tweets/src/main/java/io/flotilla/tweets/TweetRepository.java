package io.flotilla.tweets;

import io.flotilla.tweets.TweetGenerator.Generated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code tweets} and {@code tags} tables, in SQL that H2, MariaDB and PostgreSQL all run. Times
 * are stored as UTC wall-clock values (TIMESTAMP / DATETIME without a zone).
 */
@Repository
class TweetRepository {

  private static final String SELECT =
      "SELECT t.id, t.account_id, t.username, t.text, t.private, t.tag_id, g.name AS tag_name,"
          + " t.created"
          + " FROM tweets t LEFT JOIN tags g ON g.id = t.tag_id ";

  // Newest first; tweets written in the same second by id, so pages never overlap. Each order
  // starts with the columns the query fixes, as its index does: H2 reads an index in order (and
  // stops at the limit) only then; without them it read every public tweet and sorted them, on
  // every request, so a page cost more with every tweet written.
  static final String PUBLIC_NEWEST_FIRST = " ORDER BY t.private, t.created DESC, t.id DESC";
  static final String USERS_NEWEST_FIRST = " ORDER BY t.username, t.created DESC, t.id DESC";
  static final String USERS_PUBLIC_NEWEST_FIRST =
      " ORDER BY t.username, t.private, t.created DESC, t.id DESC";

  private static final String INSERT =
      "INSERT INTO tweets (account_id, username, text, private, tag_id, created, updated)"
          + " VALUES (:account, :username, :text, :private, :tagId, :now, :now)";

  // Naming the key column keeps PostgreSQL from answering every column as a "key".
  private static final String[] KEY = {"id"};

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  TweetRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  List<Tag> tags() {
    return jdbc.sql("SELECT id, name FROM tags ORDER BY id").query(Tag.class).list();
  }

  List<Tweet> publicTimeline(long offset, int limit) {
    return jdbc.sql(
            SELECT
                + "WHERE t.private = FALSE"
                + PUBLIC_NEWEST_FIRST
                + " LIMIT :limit OFFSET :offset")
        .param("limit", limit)
        .param("offset", offset)
        .query(TweetRepository::tweet)
        .list();
  }

  /**
   * The public tweets after {@code before} (from the newest when null). The first condition lets
   * the timeline index start at the cursor, at any depth; the second breaks ties in a second.
   */
  List<Tweet> publicTimeline(Cursor before, int limit) {
    return jdbc.sql(
            SELECT
                + "WHERE t.private = FALSE"
                + after(before)
                + PUBLIC_NEWEST_FIRST
                + " LIMIT :limit")
        .params(cursor(before))
        .param("limit", limit)
        .query(TweetRepository::tweet)
        .list();
  }

  List<Tweet> byUser(String username, Author viewer, Cursor before, int limit) {
    return jdbc.sql(
            SELECT
                + "WHERE t.username = :username"
                + privateFor(username, viewer)
                + after(before)
                + newestFirst(username, viewer)
                + " LIMIT :limit")
        .param("username", username)
        .param("account", viewer == null ? null : viewer.account(), Types.VARCHAR)
        .params(cursor(before))
        .param("limit", limit)
        .query(TweetRepository::tweet)
        .list();
  }

  private static String after(Cursor before) {
    return before == null
        ? ""
        : " AND t.created <= :beforeCreated"
            + " AND (t.created < :beforeCreated OR t.id < :beforeId)";
  }

  private static Map<String, Object> cursor(Cursor before) {
    return before == null
        ? Map.of()
        : Map.of("beforeCreated", utc(before.created()), "beforeId", before.id());
  }

  long countPublic() {
    return jdbc.sql("SELECT COUNT(*) FROM tweets WHERE private = FALSE").query(Long.class).single();
  }

  /**
   * The tweets written under a username; private ones only when {@code viewer} is that user, and
   * then only those of the viewer's own account (or from before account ids).
   */
  List<Tweet> byUser(String username, Author viewer, long offset, int limit) {
    return jdbc.sql(
            SELECT
                + "WHERE t.username = :username"
                + privateFor(username, viewer)
                + newestFirst(username, viewer)
                + " LIMIT :limit OFFSET :offset")
        .param("username", username)
        .param("account", viewer == null ? null : viewer.account(), Types.VARCHAR)
        .param("limit", limit)
        .param("offset", offset)
        .query(TweetRepository::tweet)
        .list();
  }

  long countByUser(String username, Author viewer) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM tweets t WHERE t.username = :username"
                + privateFor(username, viewer))
        .param("username", username)
        .param("account", viewer == null ? null : viewer.account(), Types.VARCHAR)
        .query(Long.class)
        .single();
  }

  /** The order of {@link #privateFor}'s rows, by the index each form uses. */
  private static String newestFirst(String username, Author viewer) {
    return ownView(username, viewer) ? USERS_NEWEST_FIRST : USERS_PUBLIC_NEWEST_FIRST;
  }

  /** Whether the viewer is looking at their own username's tweets. */
  private static boolean ownView(String username, Author viewer) {
    return viewer != null && username.equals(viewer.username());
  }

  private static String privateFor(String username, Author viewer) {
    return ownView(username, viewer)
        ? " AND (t.private = FALSE OR t.account_id IS NULL OR t.account_id = :account)"
        : " AND t.private = FALSE";
  }

  Optional<Tweet> findById(long id) {
    return jdbc.sql(SELECT + "WHERE t.id = :id")
        .param("id", id)
        .query(TweetRepository::tweet)
        .optional();
  }

  /** The row's author and privacy, locked until the transaction ends (for a change or delete). */
  Optional<Owner> lockOwner(long id) {
    return jdbc.sql("SELECT account_id, username, private FROM tweets WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, row) ->
            new Owner(
                rs.getString("account_id"), rs.getString("username"), rs.getBoolean("private")))
        .optional();
  }

  record Owner(String accountId, String username, boolean isPrivate) {}

  long insert(Author author, Draft draft, Instant now) {
    var keys = new GeneratedKeyHolder();
    named.update(INSERT, row(author, draft, now), keys, KEY);
    return keys.getKey().longValue();
  }

  /** Writes the tweets in one JDBC batch, all created {@code now}; their ids, in their order. */
  List<Long> insertAll(List<Generated> tweets, Instant now) {
    var keys = new GeneratedKeyHolder();
    named.batchUpdate(
        INSERT,
        tweets.stream()
            .map(tweet -> row(tweet.author(), tweet.draft(), now))
            .toArray(SqlParameterSource[]::new),
        keys,
        KEY);
    return keys.getKeyList().stream()
        .map(row -> ((Number) row.values().iterator().next()).longValue())
        .toList();
  }

  private static SqlParameterSource row(Author author, Draft draft, Instant now) {
    return new MapSqlParameterSource()
        .addValue("account", author.account(), Types.VARCHAR)
        .addValue("username", author.username())
        .addValue("text", draft.text())
        .addValue("private", draft.isPrivate())
        .addValue("tagId", draft.tagId(), Types.INTEGER)
        .addValue("now", utc(now));
  }

  void update(long id, Draft draft, Instant now) {
    jdbc.sql(
            "UPDATE tweets SET text = :text, private = :private, tag_id = :tagId, updated = :now"
                + " WHERE id = :id")
        .param("text", draft.text())
        .param("private", draft.isPrivate())
        .param("tagId", draft.tagId(), Types.INTEGER)
        .param("now", utc(now))
        .param("id", id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM tweets WHERE id = :id").param("id", id).update();
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static Tweet tweet(ResultSet rs, int row) throws SQLException {
    int tagId = rs.getInt("tag_id");
    boolean noTag = rs.wasNull();
    return new Tweet(
        rs.getLong("id"),
        rs.getString("account_id"),
        rs.getString("username"),
        rs.getString("text"),
        rs.getBoolean("private"),
        noTag ? null : tagId,
        rs.getString("tag_name"),
        instant(rs, "created"));
  }
}
