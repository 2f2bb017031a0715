package io.flotilla.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database and cache servers of the process topology, as in production: users and tweets on
 * PostgreSQL, hardware on MariaDB, the menu replicas and the gateway's rate limits sharing Redis.
 * Each service gets a database of its own on its server ({@code flotilla_users}...), created when
 * missing.
 *
 * @param postgres a JDBC URL of any database on the PostgreSQL server, to connect and create from
 * @param mariadb a JDBC URL of the MariaDB (or MySQL) server, any database or none
 * @param redis the Redis URL the menu replicas and the gateway's rate limits share
 * @param prefix what the services' database names start with
 */
record DataServers(Server postgres, Server mariadb, String redis, String prefix) {

  /** A database server: where, as whom, and how to say so when it does not answer. */
  record Server(String name, String url, String user, String password, String variable) {}

  private static final Pattern JDBC =
      Pattern.compile(
          "jdbc:(?<kind>[a-z]+)://(?<host>[^/:?]+)(?::(?<port>\\d+))?/(?<db>[^?]*)(?<rest>.*)");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

  static DataServers from(Map<String, String> env) {
    Server postgres =
        new Server(
            "PostgreSQL",
            env.getOrDefault("FLOTILLA_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
            env.getOrDefault("FLOTILLA_POSTGRES_USER", "postgres"),
            env.getOrDefault("FLOTILLA_POSTGRES_PASSWORD", ""),
            "FLOTILLA_POSTGRES_URL");
    Server mariadb =
        new Server(
            "MariaDB",
            // The 4.x driver asks for TLS by default; a local server usually has none.
            env.getOrDefault(
                "FLOTILLA_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/?sslMode=disable"),
            env.getOrDefault("FLOTILLA_MARIADB_USER", "root"),
            env.getOrDefault("FLOTILLA_MARIADB_PASSWORD", ""),
            "FLOTILLA_MARIADB_URL");
    String prefix = env.getOrDefault("FLOTILLA_DATABASE_PREFIX", "flotilla_");
    if (!NAME.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "FLOTILLA_DATABASE_PREFIX must be lower-case letters, digits and _, starting with a"
              + " letter, got \""
              + prefix
              + "\"");
    }
    return new DataServers(
        postgres,
        mariadb,
        env.getOrDefault("FLOTILLA_REDIS_URL", "redis://127.0.0.1:6379"),
        prefix);
  }

  /** Fails, naming the server and the variable that points elsewhere, unless all three answer. */
  void checkAnswering() {
    for (Server server : List.of(postgres, mariadb)) {
      Matcher url = parse(server);
      int port = Integer.parseInt(url.group("port") != null ? url.group("port") : defaultPort(url));
      answers(server.name(), url.group("host"), port, server.variable(), server.url());
    }
    URI uri = URI.create(redis);
    String reply =
        answers(
            "Redis",
            uri.getHost(),
            uri.getPort() < 0 ? 6379 : uri.getPort(),
            "FLOTILLA_REDIS_URL",
            redis);
    if (!reply.startsWith("+PONG") && !reply.startsWith("-NOAUTH")) {
      throw new LaunchException(
          "Redis at "
              + redis
              + " answered \""
              + reply.strip()
              + "\" to PING; point"
              + " FLOTILLA_REDIS_URL at a Redis server");
    }
  }

  /**
   * Creates the services' databases where missing, with the driver from the service's own jar (the
   * launcher carries no driver, so that no service ever sees another's).
   */
  void createDatabases() {
    create(
        postgres,
        ServiceJar.of("users"),
        "org.postgresql.Driver",
        List.of(database("users"), database("tweets")));
    create(
        mariadb,
        ServiceJar.of("hardware"),
        "org.mariadb.jdbc.Driver",
        List.of(database("hardware")));
  }

  /** What each service needs in its environment: its profile and database, or the Redis URL. */
  Map<String, String> environment(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    switch (service) {
      case "users", "tweets" -> database(env, service, postgres, "postgres");
      case "hardware" -> database(env, service, mariadb, "mysql");
      case "menu" -> env.put("FLOTILLA_MENU_REDIS_URL", redis);
      case "gateway" -> env.put("FLOTILLA_GATEWAY_RATE_LIMIT_REDIS_URL", redis);
      default -> {}
    }
    return env;
  }

  /** A service's database name, e.g. {@code flotilla_users}. */
  String database(String service) {
    return prefix + service;
  }

  /** The server's URL with another database in it, keeping host, port and parameters. */
  static String withDatabase(Server server, String database) {
    Matcher url = parse(server);
    String port = url.group("port") != null ? ":" + url.group("port") : "";
    return "jdbc:"
        + url.group("kind")
        + "://"
        + url.group("host")
        + port
        + "/"
        + database
        + url.group("rest");
  }

  private void database(Map<String, String> env, String service, Server server, String profile) {
    // Passwords go in the environment, not on the command line where ps would show them.
    String prefix = service.toUpperCase(Locale.ROOT) + "_DB_";
    env.put("SPRING_PROFILES_ACTIVE", profile);
    env.put(prefix + "URL", withDatabase(server, database(service)));
    env.put(prefix + "USER", server.user());
    env.put(prefix + "PASSWORD", server.password());
  }

  private static void create(Server server, Path jar, String driverClass, List<String> names) {
    Properties credentials = new Properties();
    credentials.setProperty("user", server.user());
    credentials.setProperty("password", server.password());
    try {
      Driver driver =
          (Driver)
              Class.forName(driverClass, true, new ServiceJar(jar).classLoader())
                  .getDeclaredConstructor()
                  .newInstance();
      try (Connection connection = driver.connect(server.url(), credentials)) {
        for (String name : names) {
          createIfMissing(connection, server, name);
        }
      }
    } catch (SQLException e) {
      throw new LaunchException(
          "cannot create the databases on "
              + server.name()
              + " at "
              + server.url()
              + " as "
              + server.user()
              + ": "
              + e.getMessage()
              + "; point "
              + server.variable()
              + " (and "
              + server.variable().replace("_URL", "_USER")
              + ", "
              + server.variable().replace("_URL", "_PASSWORD")
              + ") at another server");
    } catch (LaunchException e) {
      throw e;
    } catch (Exception e) {
      throw new LaunchException(
          "cannot load the " + server.name() + " driver from " + jar + ": " + e);
    }
  }

  private static void createIfMissing(Connection connection, Server server, String name)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (!server.name().equals("PostgreSQL")) {
        statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        return;
      }
      // PostgreSQL has no CREATE DATABASE IF NOT EXISTS.
      try (PreparedStatement exists =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
          }
        }
      }
    }
  }

  /** Connects; to Redis also sends PING and returns its reply (a database only has to accept). */
  private static String answers(String name, String host, int port, String variable, String url) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(2000);
      if (!name.equals("Redis")) {
        return "";
      }
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int read = in.read(reply);
      return read < 0 ? "" : new String(reply, 0, read, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new LaunchException(
          name
              + " does not answer at "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); start it,"
              + " or point "
              + variable
              + " at another (now "
              + url
              + ")");
    }
  }

  private static Matcher parse(Server server) {
    Matcher url = JDBC.matcher(server.url());
    if (!url.matches()) {
      throw new IllegalArgumentException(
          server.variable()
              + " must be a JDBC URL like jdbc:postgresql://host:5432/postgres, got \""
              + server.url()
              + "\"");
    }
    return url;
  }

  private static String defaultPort(Matcher url) {
    return url.group("kind").equals("postgresql") ? "5432" : "3306";
  }
}
