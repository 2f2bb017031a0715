package io.flotilla.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flotilla.platform.validation.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON bodies of {@code /hardware/}. */
final class HardwareBodies {

  private HardwareBodies() {}

  /**
   * A row as the API shows it: the original API's keys in its order (Flask sorted them), then the
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
   * checks, so " c5 " is stored as "c5" and a name of spaces is blank. No control character (a NUL,
   * which PostgreSQL refuses, a line break) belongs in a name shown on a page and in logs. Fields
   * are declared in the order the original API lists them, the order in which problems are
   * reported.
   */
  record Write(
      @NotBlank(message = "must not be blank")
          @Size(max = MAX_LENGTH, message = "must be at most " + MAX_LENGTH + " characters")
          @Pattern(
              regexp = Texts.NO_CONTROL_CHARACTERS,
              message = "must not contain control characters")
          String name,
      @NotBlank(message = "must not be blank")
          @Size(max = MAX_LENGTH, message = "must be at most " + MAX_LENGTH + " characters")
          @Pattern(
              regexp = Texts.NO_CONTROL_CHARACTERS,
              message = "must not contain control characters")
          String provider) {

    /** The columns' length, VARCHAR(100) in every migration. */
    static final int MAX_LENGTH = 100;

    Write {
      provider = provider == null ? null : provider.strip();
      name = name == null ? null : name.strip();
    }
  }
}
