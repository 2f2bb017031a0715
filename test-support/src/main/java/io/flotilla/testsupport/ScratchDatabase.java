package io.flotilla.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A database of its own on a real server for one test class: created when opened, dropped when
 * closed, with a random name, so that Flyway histories and tables of different services, parallel
 * runs and failed runs never collide. Works on MariaDB/MySQL and PostgreSQL, with the driver the
 * test's module brings.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final String serverUrl;
  private final String user;
  private final String name;

  private ScratchDatabase(String serverUrl, String user, String name) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.name = name;
  }

  /**
   * @param serverUrl a JDBC URL of any database on the server, e.g. {@code
   *     jdbc:postgresql://127.0.0.1:5432/test}
   * @param user a user allowed to create databases, with no password
   * @param prefix the start of the database's name, naming the service, e.g. {@code users_test_}
   */
  public static ScratchDatabase create(String serverUrl, String user, String prefix)
      throws SQLException {
    var database =
        new ScratchDatabase(
            serverUrl, user, prefix + UUID.randomUUID().toString().replace("-", ""));
    database.execute("CREATE DATABASE " + database.name);
    return database;
  }

  /** The JDBC URL of this database: the server's URL, naming it. */
  public String url() {
    return withDatabase(serverUrl, name);
  }

  public String user() {
    return user;
  }

  /** Drops the database and creates it again, empty: a restore from nothing, or a new server. */
  public void reset() throws SQLException {
    execute("DROP DATABASE " + name);
    execute("CREATE DATABASE " + name);
  }

  @Override
  public void close() throws SQLException {
    execute("DROP DATABASE " + name);
  }

  /** The same server URL, naming another database: {@code jdbc:x://host:port/db?options}. */
  static String withDatabase(String url, String database) {
    int hostStart = url.indexOf("//") + 2;
    int pathStart = url.indexOf('/', hostStart);
    int query = url.indexOf('?', hostStart);
    String host = url.substring(0, pathStart < 0 ? (query < 0 ? url.length() : query) : pathStart);
    return host + "/" + database + (query < 0 ? "" : url.substring(query));
  }

  private void execute(String sql) throws SQLException {
    try (var connection = DriverManager.getConnection(serverUrl, user, "");
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
