package io.flotilla.math;

import io.flotilla.math.MathBodies.Pong;
import io.flotilla.math.MathBodies.QueryFailure;
import io.flotilla.math.MathBodies.QueryResult;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

/**
 * The query style: {@code /ping}, {@code /factorial?n=}, {@code /fibonacci?n=}, {@code
 * /ackermann?m=&n=}. Results are JSON numbers of any size.
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

  @GetMapping("/ping")
  @Operation(summary = "Liveness check: always pong")
  Pong ping() {
    return Pong.PONG;
  }

  /** The original answered pong at its root too; behind the gateway "/" is the web app. */
  @Hidden
  @GetMapping("/")
  Pong root() {
    return Pong.PONG;
  }

  @GetMapping("/factorial")
  @Operation(summary = "n!, exact")
  ResponseEntity<QueryResult> factorial(
      @RequestParam(required = false)
          @Parameter(
              description = "an integer from 0 to 100000 (flotilla.math.factorial-max)",
              schema = @Schema(type = "integer", minimum = "0", maximum = "100000"),
              example = "20")
          String n) {
    return answer("factorial", calculator.factorial(n));
  }

  @GetMapping("/fibonacci")
  @Operation(summary = "F(n) with F(0) = 0, F(1) = 1, exact")
  ResponseEntity<QueryResult> fibonacci(
      @RequestParam(required = false)
          @Parameter(
              description = "an integer from 0 to 1000000 (flotilla.math.fibonacci-max)",
              schema = @Schema(type = "integer", minimum = "0", maximum = "1000000"),
              example = "100")
          String n) {
    return answer("fibonacci", calculator.fibonacci(n));
  }

  @GetMapping("/ackermann")
  @Operation(summary = "The two-argument Ackermann function A(m, n), exact")
  ResponseEntity<QueryResult> ackermann(
      @RequestParam(required = false)
          @Parameter(
              description =
                  "an integer of 0 or more; a result of more than 100000 digits is refused",
              schema = @Schema(type = "integer", minimum = "0"),
              example = "2")
          String m,
      @RequestParam(required = false)
          @Parameter(
              description = "an integer of 0 or more",
              schema = @Schema(type = "integer", minimum = "0"),
              example = "3")
          String n) {
    return answer("ackermann", calculator.ackermann(m, n));
  }

  private ResponseEntity<QueryResult> answer(String algo, String digits) {
    return ResponseEntity.ok().cacheControl(resultCaching).body(new QueryResult(algo, digits));
  }

  /** Each handler is named after its algorithm, which the failure body names. */
  @ExceptionHandler
  ResponseEntity<QueryFailure> invalid(InvalidInputException invalid, HandlerMethod handler) {
    return ResponseEntity.badRequest().body(new QueryFailure(algo(handler), invalid));
  }

  /**
   * Tomcat finds that a query string has a broken percent escape or is not UTF-8 ({@code n=%},
   * {@code n=%FF}) when a parameter is first read: the client's mistake, so a 400 in this shape.
   */
  @ExceptionHandler
  ResponseEntity<QueryFailure> undecodable(
      InvalidParameterException undecodable, HandlerMethod handler) {
    return ResponseEntity.badRequest()
        .body(new QueryFailure(algo(handler), InvalidInputException.undecodableQuery()));
  }

  private static String algo(HandlerMethod handler) {
    return handler.getMethod().getName();
  }
}
