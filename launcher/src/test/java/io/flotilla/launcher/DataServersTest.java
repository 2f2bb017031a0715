package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.flotilla.testsupport.FreePorts;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataServersTest {

  @Test
  void byDefaultTheMachinesServersWithADatabasePerService() {
    DataServers servers = DataServers.from(Map.of());

    assertThat(servers.environment("users"))
        .containsExactly(
            entry("SPRING_PROFILES_ACTIVE", "postgres"),
            entry("USERS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flotilla_users"),
            entry("USERS_DB_USER", "postgres"),
            entry("USERS_DB_PASSWORD", ""));
    assertThat(servers.environment("tweets"))
        .containsEntry("TWEETS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flotilla_tweets");
    assertThat(servers.environment("hardware"))
        .containsEntry("SPRING_PROFILES_ACTIVE", "mysql")
        .containsEntry(
            "HARDWARE_DB_URL", "jdbc:mariadb://127.0.0.1:3306/flotilla_hardware?sslMode=disable")
        .containsEntry("HARDWARE_DB_USER", "root");
    assertThat(servers.environment("menu"))
        .containsExactly(entry("FLOTILLA_MENU_REDIS_URL", "redis://127.0.0.1:6379"));
    assertThat(servers.environment("gateway"))
        .containsExactly(entry("FLOTILLA_GATEWAY_RATE_LIMIT_REDIS_URL", "redis://127.0.0.1:6379"));
    assertThat(servers.environment("math")).isEmpty();
  }

  @Test
  void otherServersKeepTheirParametersWithTheServicesDatabase() {
    DataServers servers =
        DataServers.from(
            Map.of(
                "FLOTILLA_MARIADB_URL", "jdbc:mariadb://db.example:3307/test?sslMode=disable",
                "FLOTILLA_POSTGRES_URL", "jdbc:postgresql://pg.example/test?ssl=true",
                "FLOTILLA_POSTGRES_USER", "flotilla",
                "FLOTILLA_DATABASE_PREFIX", "topology_7_"));

    assertThat(servers.environment("hardware"))
        .containsEntry(
            "HARDWARE_DB_URL",
            "jdbc:mariadb://db.example:3307/topology_7_hardware?sslMode=disable");
    assertThat(servers.environment("users"))
        .containsEntry("USERS_DB_URL", "jdbc:postgresql://pg.example/topology_7_users?ssl=true")
        .containsEntry("USERS_DB_USER", "flotilla");
  }

  @Test
  void aPrefixThatIsNotAPlainNameIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataServers.from(Map.of("FLOTILLA_DATABASE_PREFIX", "x\"; DROP")))
        .withMessageStartingWith("FLOTILLA_DATABASE_PREFIX must be lower-case letters");
  }

  @Test
  void aServerThatDoesNotAnswerIsNamedWithTheVariableThatPointsElsewhere() throws IOException {
    int closed = FreePorts.next();
    DataServers servers =
        DataServers.from(
            Map.of("FLOTILLA_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/postgres"));

    assertThatThrownBy(servers::checkAnswering)
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("PostgreSQL does not answer at 127.0.0.1:" + closed)
        .hasMessageContaining("point FLOTILLA_POSTGRES_URL at another");
  }
}
