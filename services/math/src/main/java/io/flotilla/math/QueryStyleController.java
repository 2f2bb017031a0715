package io.flotilla.math;

import io.flotilla.math.MathBodies.Pong;
import io.flotilla.math.MathBodies.QueryFailure;
import io.flotilla.math.MathBodies.QueryResult;
import io.swagger.v3.oas.annotations.Operation;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's API: {@code /ping}, {@code /factorial?n=}, {@code /fibonacci?n=}, {@code
 * /ackermann?m=&n=}.
 */
// Every answer is JSON: a client that accepts nothing else gets a 406 before any handler runs,
// rather than an error body that cannot be written.
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class QueryStyleController {

  private final Calculator calculator;
  private final CacheControl resultCaching;

  QueryStyleController(Calculator calculator, MathProperties properties) {
    this.calculator = calculator;
    this.resultCaching = properties.resultCaching();
  }

  @GetMapping({"/", "/ping"})
  @Operation(summary = "Liveness check of seed 000: always pong")
  Pong ping() {
    return Pong.PONG;
  }

  @GetMapping("/factorial")
  @Operation(summary = "n!, exact")
  ResponseEntity<?> factorial(@RequestParam(required = false) String n) {
    return answer("factorial", () -> calculator.factorial(n));
  }

  @GetMapping("/fibonacci")
  @Operation(summary = "F(n) with F(0) = 0, F(1) = 1, exact")
  ResponseEntity<?> fibonacci(@RequestParam(required = false) String n) {
    return answer("fibonacci", () -> calculator.fibonacci(n));
  }

  @GetMapping("/ackermann")
  @Operation(summary = "The two-argument Ackermann function A(m, n), exact")
  ResponseEntity<?> ackermann(
      @RequestParam(required = false) String m, @RequestParam(required = false) String n) {
    return answer("ackermann", () -> calculator.ackermann(m, n));
  }

  private ResponseEntity<?> answer(String algo, Supplier<String> calculation) {
    try {
      return ResponseEntity.ok()
          .cacheControl(resultCaching)
          .body(new QueryResult(algo, calculation.get()));
    } catch (InvalidInputException invalid) {
      return ResponseEntity.badRequest().body(new QueryFailure(algo, invalid));
    }
  }
}
