package io.flotilla.hardware;

import io.flotilla.hardware.HardwareBodies.Item;
import io.flotilla.hardware.HardwareBodies.Write;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's {@code GET /hardware/} with availability, plus reading and writing single rows;
 * writes need a service token ({@link SecurityConfiguration}). Trailing slash optional everywhere.
 * Errors are problem+json (the platform's advice), with details that name what was wrong; JSON is
 * the only type answered, so any other Accept is a 406 before a write.
 */
@RestController
@RequestMapping(path = "/hardware", produces = MediaType.APPLICATION_JSON_VALUE)
class HardwareController {

  private static final Logger log = LoggerFactory.getLogger(HardwareController.class);

  /** The platform's OpenAPI scheme for a service token: Swagger UI asks for one, 401 is listed. */
  static final String SERVICE_TOKEN = "serviceToken";

  private final HardwareRepository repository;
  private final AvailabilityCache availability;

  HardwareController(HardwareRepository repository, AvailabilityCache availability) {
    this.repository = repository;
    this.availability = availability;
  }

  @GetMapping({"", "/"})
  @Operation(summary = "Every row with its availability, in id order")
  List<Item> list() {
    List<Hardware> rows = repository.findAll();
    List<Availability> availabilities = availability.of(rows);
    var items = new ArrayList<Item>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      items.add(Item.of(rows.get(i), availabilities.get(i)));
    }
    return items;
  }

  @GetMapping({"/{id}", "/{id}/"})
  @Operation(summary = "One row with its availability")
  Item one(@PathVariable long id) {
    Hardware row = find(id);
    return Item.of(row, availability.of(row));
  }

  @PostMapping({"", "/"})
  @Operation(summary = "Add a row; its availability is probed when it is first read")
  @SecurityRequirement(name = SERVICE_TOKEN)
  ResponseEntity<Item> create(@Valid @RequestBody Write body) {
    Hardware row = repository.insert(body.provider(), body.name());
    log.info("hardware created id={}", row.id());
    return ResponseEntity.created(URI.create("/hardware/" + row.id())).body(Item.written(row));
  }

  @PutMapping({"/{id}", "/{id}/"})
  @Operation(summary = "Change a row's provider and name")
  @SecurityRequirement(name = SERVICE_TOKEN)
  Item update(@PathVariable long id, @Valid @RequestBody Write body) {
    var row = new Hardware(id, body.provider(), body.name());
    if (!repository.update(row)) {
      throw notFound(id);
    }
    availability.forget(id);
    log.info("hardware updated id={}", id);
    return Item.written(row);
  }

  @DeleteMapping({"/{id}", "/{id}/"})
  @Operation(summary = "Remove a row")
  @SecurityRequirement(name = SERVICE_TOKEN)
  ResponseEntity<Void> delete(@PathVariable long id) {
    if (!repository.delete(id)) {
      throw notFound(id);
    }
    availability.forget(id);
    log.info("hardware deleted id={}", id);
    return ResponseEntity.noContent().build();
  }

  private Hardware find(long id) {
    return repository.findById(id).orElseThrow(() -> notFound(id));
  }

  private static ErrorResponseException notFound(long id) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No hardware with id " + id + "."),
        null);
  }

  @ExceptionHandler
  ProblemDetail duplicate(DuplicateKeyException duplicate) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT, "Hardware with this provider and name already exists.");
  }
}
