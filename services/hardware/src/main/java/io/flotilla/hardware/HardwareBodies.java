package io.flotilla.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON bodies of {@code /hardware/}. */
final class HardwareBodies {

  private HardwareBodies() {}

  /**
   * A row as the API shows it: the seed's keys in the seed's order (Flask sorted them), then the
   * id. {@code availability} is left out of the answers to writes, which do not wait for a probe.
   */
  @JsonPropertyOrder({"availability", "name", "provider", "id"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(Availability availability, String name, String provider, long id) {

    static Item of(Hardware row, Availability availability) {
      return new Item(availability, row.name(), row.provider(), row.id());
    }

    static Item written(Hardware row) {
      return of(row, null);
    }
  }

  /**
   * What a client sends to create or change a row. Surrounding spaces are dropped before the
   * checks, so " c5 " is stored as "c5" and a name of spaces is blank.
   */
  record Write(
      @NotBlank(message = "must not be blank")
          @Size(max = MAX_LENGTH, message = "must be at most " + MAX_LENGTH + " characters")
          @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
          String provider,
      @NotBlank(message = "must not be blank")
          @Size(max = MAX_LENGTH, message = "must be at most " + MAX_LENGTH + " characters")
          @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
          String name) {

    /** The columns' length, VARCHAR(100) in every migration. */
    static final int MAX_LENGTH = 100;

    /**
     * PostgreSQL refuses a NUL in text (H2 and MariaDB store it), and no control character belongs
     * in a provider or a name shown on a page and in logs: refused alike on every database.
     */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    Write {
      provider = provider == null ? null : provider.strip();
      name = name == null ? null : name.strip();
    }
  }
}
