package io.flotilla.hardware;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code hardware} table, in SQL that H2, MariaDB and PostgreSQL all run. A second row with the
 * same provider and name fails with Spring's {@code DuplicateKeyException}.
 */
@Repository
class HardwareRepository {

  private final JdbcClient jdbc;

  HardwareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Hardware> findAll() {
    return jdbc.sql("SELECT id, provider, name FROM hardware ORDER BY id")
        .query(Hardware.class)
        .list();
  }

  Optional<Hardware> findById(long id) {
    return jdbc.sql("SELECT id, provider, name FROM hardware WHERE id = :id")
        .param("id", id)
        .query(Hardware.class)
        .optional();
  }

  Hardware insert(String provider, String name) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO hardware (provider, name) VALUES (:provider, :name)")
        .param("provider", provider)
        .param("name", name)
        // Naming the key column keeps PostgreSQL from answering every column as a "key".
        .update(keys, "id");
    return new Hardware(keys.getKey().longValue(), provider, name);
  }

  /** Whether the row existed. */
  boolean update(Hardware hardware) {
    return jdbc.sql("UPDATE hardware SET provider = :provider, name = :name WHERE id = :id")
            .param("provider", hardware.provider())
            .param("name", hardware.name())
            .param("id", hardware.id())
            .update()
        == 1;
  }

  /** Whether the row existed. */
  boolean delete(long id) {
    return jdbc.sql("DELETE FROM hardware WHERE id = :id").param("id", id).update() == 1;
  }
}
