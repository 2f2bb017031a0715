package io.flotilla.platform;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error of a servlet service that does not answer in a shape of
 * its own: Spring MVC's own exceptions (404, 405, 415, bad bodies...) through the base class, and
 * anything unexpected as a 500 that names the request id instead of showing a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  /** Tomcat finds out that a query string is not valid UTF-8 only when a parameter is read. */
  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail undecodableQuery() {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST, "The query string is not valid percent-encoded UTF-8.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception exception) {
    String requestId = MDC.get(RequestLoggingFilter.MDC_KEY);
    log.error("Unhandled error (request id {})", requestId, exception);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The server could not answer this request; it is logged under request id "
            + requestId
            + ".");
  }
}
