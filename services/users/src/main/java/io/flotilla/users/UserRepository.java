package io.flotilla.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code app_user} table, in SQL that H2, MariaDB and PostgreSQL all run. Times are bound as
 * UTC {@link LocalDateTime}s, so no database or driver converts them by a time zone. A second row
 * with a taken username or email fails with Spring's {@code DuplicateKeyException}.
 */
@Repository
class UserRepository {

  private static final String COLUMNS =
      "id, account_id, username, email, password_hash, first_name, last_name, created";

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<User> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
        .param("username", username)
        .query(UserRepository::user)
        .optional();
  }

  boolean usernameTaken(String username) {
    return exists("username", username);
  }

  /** {@code email} lower-case, as stored. */
  boolean emailTaken(String email) {
    return exists("email", email);
  }

  private boolean exists(String column, String value) {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE " + column + " = :value")
            .param("value", value)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Stores the user; {@code created} is kept to the second, as every answer shows it. */
  User insert(
      String username,
      String email,
      String passwordHash,
      String firstName,
      String lastName,
      Instant created) {
    Instant seconds = created.truncatedTo(ChronoUnit.SECONDS);
    String accountId = UUID.randomUUID().toString();
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO app_user"
                + " (account_id, username, email, password_hash, first_name, last_name, created)"
                + " VALUES (:accountId, :username, :email, :hash, :firstName, :lastName, :created)")
        .param("accountId", accountId)
        .param("username", username)
        .param("email", email)
        .param("hash", passwordHash)
        .param("firstName", firstName)
        .param("lastName", lastName)
        .param("created", LocalDateTime.ofInstant(seconds, ZoneOffset.UTC))
        // Naming the key column keeps PostgreSQL from answering every column as a "key".
        .update(keys, "id");
    return new User(
        keys.getKey().longValue(),
        accountId,
        username,
        email,
        passwordHash,
        firstName,
        lastName,
        seconds);
  }

  private static User user(ResultSet row, int number) throws SQLException {
    return new User(
        row.getLong("id"),
        row.getString("account_id"),
        row.getString("username"),
        row.getString("email"),
        row.getString("password_hash"),
        row.getString("first_name"),
        row.getString("last_name"),
        row.getObject("created", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
