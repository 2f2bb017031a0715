package io.flotilla.math;

import io.flotilla.math.MathBodies.PathFailure;
import io.flotilla.math.MathBodies.PathResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The path style: {@code /fibonacci/{n}/}, {@code /factorial/{n}/}, {@code /ackermann/{m}/{n}/},
 * trailing slash optional. Results are decimal strings; invalid input is a 400 naming the value.
 */
// Every answer is JSON: a client that accepts nothing else gets a 406 before any handler runs,
// rather than an error body that cannot be written.
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class PathStyleController {

  private final Calculator calculator;
  private final CacheControl resultCaching;

  PathStyleController(Calculator calculator, MathProperties properties) {
    this.calculator = calculator;
    this.resultCaching = properties.resultCaching();
  }

  @GetMapping({"/factorial/{n}", "/factorial/{n}/"})
  @Operation(operationId = "factorialInPath", summary = "n!, exact, as a decimal string")
  ResponseEntity<PathResult> factorial(
      @PathVariable
          @Parameter(
              description = "an integer from 0 to 100000 (flotilla.math.factorial-max)",
              schema = @Schema(type = "integer", minimum = "0", maximum = "100000"),
              example = "20")
          String n) {
    return answer(calculator.factorial(n));
  }

  @GetMapping({"/fibonacci/{n}", "/fibonacci/{n}/"})
  @Operation(
      operationId = "fibonacciInPath",
      summary = "F(n) with F(0) = 0, F(1) = 1, exact, as a decimal string")
  ResponseEntity<PathResult> fibonacci(
      @PathVariable
          @Parameter(
              description = "an integer from 0 to 1000000 (flotilla.math.fibonacci-max)",
              schema = @Schema(type = "integer", minimum = "0", maximum = "1000000"),
              example = "100")
          String n) {
    return answer(calculator.fibonacci(n));
  }

  @GetMapping({"/ackermann/{m}/{n}", "/ackermann/{m}/{n}/"})
  @Operation(
      operationId = "ackermannInPath",
      summary = "The Ackermann function A(m, n), exact, as a decimal string")
  ResponseEntity<PathResult> ackermann(
      @PathVariable
          @Parameter(
              description =
                  "an integer of 0 or more; a result of more than 100000 digits is refused",
              schema = @Schema(type = "integer", minimum = "0"),
              example = "2")
          String m,
      @PathVariable
          @Parameter(
              description = "an integer of 0 or more",
              schema = @Schema(type = "integer", minimum = "0"),
              example = "3")
          String n) {
    return answer(calculator.ackermann(m, n));
  }

  private ResponseEntity<PathResult> answer(String result) {
    return ResponseEntity.ok().cacheControl(resultCaching).body(new PathResult(result));
  }

  @ExceptionHandler
  ResponseEntity<PathFailure> invalid(InvalidInputException invalid) {
    return ResponseEntity.badRequest().body(new PathFailure(invalid));
  }
}
