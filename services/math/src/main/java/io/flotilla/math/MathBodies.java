package io.flotilla.math;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** The wire contract of both URL styles, success and error bodies, in one place. */
final class MathBodies {

  private MathBodies() {}

  /** {@code GET /} and {@code GET /ping}. */
  record Pong(String message) {
    static final Pong PONG = new Pong("pong");
  }

  /** Query style: {@code {"algo":"factorial","result":120,"status":"success"}}. */
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

  /**
   * Query style failure: {@code {"algo":"factorial","result":"n must be ...","status":"failed",
   * "error":"n must be ..."}}. Clients of the original API read the message under {@code result};
   * {@code error} carries the same message for clients that read it there.
   */
  record QueryFailure(
      String algo,
      @Schema(description = "what was wrong and what is allowed") String result,
      String status,
      @Schema(description = "the same message as result") String error) {
    QueryFailure(String algo, String message) {
      this(algo, message, "failed", message);
    }

    QueryFailure(String algo, InvalidInputException invalid) {
      this(algo, invalid.getMessage());
    }
  }

  /** Path style: {@code {"response":"120"}}, the result as a decimal string. */
  record PathResult(String response) {}

  /** Path style failure: {@code {"error":"invalid number: 401"}}, naming the refused value. */
  record PathFailure(String error) {
    PathFailure(InvalidInputException invalid) {
      this("invalid number: " + invalid.value());
    }
  }
}
