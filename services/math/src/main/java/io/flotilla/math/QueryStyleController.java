package io.flotilla.math;

import io.flotilla.math.MathBodies.Pong;
import io.flotilla.math.MathBodies.QueryFailure;
import io.flotilla.math.MathBodies.QueryResult;
import io.swagger.v3.oas.annotations.Operation;
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

  @GetMapping({"/", "/ping"})
  @Operation(summary = "Liveness check: always pong")
  Pong ping() {
    return Pong.PONG;
  }

  @GetMapping("/factorial")
  @Operation(summary = "n!, exact")
  ResponseEntity<QueryResult> factorial(@RequestParam(required = false) String n) {
    return answer("factorial", calculator.factorial(n));
  }

  @GetMapping("/fibonacci")
  @Operation(summary = "F(n) with F(0) = 0, F(1) = 1, exact")
  ResponseEntity<QueryResult> fibonacci(@RequestParam(required = false) String n) {
    return answer("fibonacci", calculator.fibonacci(n));
  }

  @GetMapping("/ackermann")
  @Operation(summary = "The two-argument Ackermann function A(m, n), exact")
  ResponseEntity<QueryResult> ackermann(
      @RequestParam(required = false) String m, @RequestParam(required = false) String n) {
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
