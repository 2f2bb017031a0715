package io.flotilla.math;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** The wire contract of both seeds, success and error bodies, in one place. */
final class MathBodies {

  private MathBodies() {}

  /** {@code GET /} and {@code GET /ping}. */
  record Pong(String message) {
    static final Pong PONG = new Pong("pong");
  }

  /** Seed 000: {@code {"algo":"factorial","result":120,"status":"success"}}. */
  record QueryResult(
      String algo,
      @Schema(type = "integer", description = "the exact result, as a JSON number of any size")
          @JsonRawValue
          String result,
      String status) {
    QueryResult(String algo, String digits) {
      this(algo, digits, "success");
    }
  }

  /** Seed 000 errors: {@code {"algo":"factorial","status":"failed","error":"n must be ..."}}. */
  record QueryFailure(String algo, String status, String error) {
    QueryFailure(String algo, InvalidInputException invalid) {
      this(algo, "failed", invalid.getMessage());
    }
  }

  /** Seed 001: {@code {"response":"120"}}, a string "due to JSON limitations for int values". */
  record PathResult(String response) {}

  /** Seed 001 errors: {@code {"error":"invalid number: 401"}}. */
  record PathFailure(String error) {
    PathFailure(InvalidInputException invalid) {
      this("invalid number: " + invalid.value());
    }
  }
}
