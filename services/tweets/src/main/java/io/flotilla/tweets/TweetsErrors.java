package io.flotilla.tweets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Details for the two kinds of bad input whose generic problem says too little ("Failed to read
 * request"): a body that is not the JSON expected, and a parameter that is not a number. Ahead of
 * the platform's catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TweetsErrors {

  @ExceptionHandler
  ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        "The body must be a JSON object like {\"text\":\"hello\",\"tag\":\"general\","
            + "\"private\":false} (tag and private optional).");
  }

  @ExceptionHandler
  ProblemDetail notANumber(MethodArgumentTypeMismatchException mismatch) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        mismatch.getName() + " must be an integer, got \"" + mismatch.getValue() + "\".");
  }
}
