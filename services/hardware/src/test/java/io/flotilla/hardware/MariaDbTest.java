package io.flotilla.hardware;

import io.flotilla.testsupport.TestServer;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The {@code mysql} profile on MariaDB, e.g. {@code
 * FLOTILLA_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:3306/test} with user {@code root} and no
 * password ({@code FLOTILLA_TEST_MARIADB_USER} to change the user).
 */
@EnabledIfEnvironmentVariable(named = "FLOTILLA_TEST_MARIADB_URL", matches = ".+")
class MariaDbTest extends ServerDatabaseTest {

  MariaDbTest() {
    super(TestServer.MARIADB);
  }
}
