package io.flotilla.platform.problems;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.platform.validation.Characters;
import io.flotilla.platform.validation.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service's controller as the platform expects them: typed, validated, JSON only. */
@RestController
@RequestMapping(path = "/things", produces = MediaType.APPLICATION_JSON_VALUE)
class ProblemsController {

  static int written;

  record Thing(
      @NotNull(message = "is required: 1 to 5 characters")
          @Characters(min = 1, max = 5, message = "must be {min} to {max} characters, got {length}")
          @Pattern(
              regexp = Texts.NO_CONTROL_CHARACTERS,
              message = "must not contain control characters")
          String name,
      @JsonProperty("in_stock") @Min(value = 0, message = "must be 0 or more") Integer inStock) {}

  @PostMapping
  Thing create(@Valid @RequestBody Thing thing) {
    written++;
    return thing;
  }

  @GetMapping
  Map<String, Integer> list(
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be from 1 to 100")
          @Max(value = 100, message = "must be from 1 to 100")
          int size) {
    return Map.of("page", page, "size", size);
  }

  @GetMapping("/needs")
  Map<String, String> needs(@RequestParam String what) {
    return Map.of("what", what);
  }
}
