package io.flotilla.lunch;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /faults} shows the faults in force; {@code PUT /faults} replaces them at runtime, for
 * demos and for the relay's tests: {@code {"delay":"2s","errorRate":0.2,"outage":false}}.
 */
@RestController
class FaultsController {

  private final Faults faults;

  FaultsController(Faults faults) {
    this.faults = faults;
  }

  @GetMapping("/faults")
  FaultBodies current() {
    return FaultBodies.of(faults.current());
  }

  @PutMapping("/faults")
  FaultBodies replace(@RequestBody FaultBodies body) {
    FaultSettings settings;
    try {
      settings = body.settings();
    } catch (IllegalArgumentException invalid) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage());
    }
    faults.set(settings);
    return FaultBodies.of(settings);
  }
}
