package io.flotilla.users;

import io.flotilla.testsupport.TestServer;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The {@code postgres} profile on PostgreSQL, e.g. {@code
 * FLOTILLA_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test} with user {@code postgres} and
 * no password ({@code FLOTILLA_TEST_POSTGRES_USER} to change the user).
 */
@EnabledIfEnvironmentVariable(named = "FLOTILLA_TEST_POSTGRES_URL", matches = ".+")
class PostgresTest extends ServerDatabaseTest {

  PostgresTest() {
    super(TestServer.POSTGRES);
  }
}
