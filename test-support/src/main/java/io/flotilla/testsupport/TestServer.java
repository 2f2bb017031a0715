package io.flotilla.testsupport;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A real database server the tests may use, named by the environment: a JDBC URL of any database on
 * it and a user allowed to create databases, with no password. {@code .ci/run} sets the URLs when
 * the servers answer; without one, the tests that need that server are skipped.
 */
public enum TestServer {
  POSTGRES("postgres", "FLOTILLA_TEST_POSTGRES_URL", "FLOTILLA_TEST_POSTGRES_USER", "postgres"),
  /** MariaDB (or MySQL), which the services reach through their {@code mysql} profile. */
  MARIADB("mysql", "FLOTILLA_TEST_MARIADB_URL", "FLOTILLA_TEST_MARIADB_USER", "root");

  private final String profile;
  private final String urlVariable;
  private final String userVariable;
  private final String defaultUser;

  TestServer(String profile, String urlVariable, String userVariable, String defaultUser) {
    this.profile = profile;
    this.urlVariable = urlVariable;
    this.userVariable = userVariable;
    this.defaultUser = defaultUser;
  }

  /** The services' Spring profile for this kind of database. */
  public String profile() {
    return profile;
  }

  /** The server's JDBC URL, or null when the environment names none. */
  public String url() {
    return System.getenv(urlVariable);
  }

  public String user() {
    return Objects.requireNonNullElse(System.getenv(userVariable), defaultUser);
  }

  /** A database of its own on this server, named from {@code prefix}. */
  public ScratchDatabase scratchDatabase(String prefix) throws SQLException {
    return ScratchDatabase.create(url(), user(), prefix);
  }
}
