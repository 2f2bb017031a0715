package io.flotilla.platform;

import io.flotilla.platform.InputErrors.FieldProblem;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem details for every error of a servlet service: Spring MVC's own exceptions (404,
 * 405, 406, 413, 415...) through the base class; bad input (Bean Validation on bodies and
 * parameters, type mismatches, missing parameters, unreadable bodies) as a 400 whose {@code errors}
 * lists each field with what is wrong and what is allowed; anything unexpected as a 500 that names
 * the request id instead of showing a stack trace. Always {@code application/problem+json},
 * whatever the request's {@code Accept} says: an error is never turned into a second error (406) or
 * an HTML page.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private final String tooLarge;

  ProblemDetailsAdvice(RequestLimits limits) {
    this.tooLarge = RequestBodyLimit.detail(limits.maxBodySize().toBytes());
  }

  /** Tomcat finds out that a query string is not valid UTF-8 only when a parameter is read. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> undecodableQuery(WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST, "The query string is not valid percent-encoded UTF-8.", request);
  }

  @ExceptionHandler
  ResponseEntity<Object> tooLarge(ContentTooLargeException exception, WebRequest request) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
    if (ClientDisconnects.mark(request, exception)) {
      return null; // no one to answer
    }
    String requestId = MDC.get(RequestLoggingFilter.MDC_KEY);
    log.error("Unhandled error (request id {})", requestId, exception);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The server could not answer this request; it is logged under request id "
            + requestId
            + ".",
        request);
  }

  /** An unknown path: what was asked for, not how Spring looked for it (a static resource). */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException missing,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String path = ((ServletWebRequest) request).getRequest().getRequestURI();
    return problem(HttpStatus.NOT_FOUND, "Nothing is served at " + path + ".", request);
  }

  @Override
  protected ResponseEntity<Object> handleAsyncRequestNotUsableException(
      AsyncRequestNotUsableException gone, WebRequest request) {
    ClientDisconnects.mark(request, gone);
    return null;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotWritable(
      HttpMessageNotWritableException unwritable,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ClientDisconnects.mark(request, unwritable)) {
      return null; // the answer was on its way when the client left
    }
    return super.handleHttpMessageNotWritable(unwritable, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException invalid,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Object target = invalid.getBindingResult().getTarget();
    return invalid(
        InputErrors.of(target == null ? null : target.getClass(), invalid.getFieldErrors()),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException invalid,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(InputErrors.of(invalid), request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException mismatch,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = mismatch.getPropertyName() == null ? "a parameter" : mismatch.getPropertyName();
    return invalid(
        List.of(
            new FieldProblem(
                name,
                "must be "
                    + InputErrors.kind(mismatch.getRequiredType())
                    + ", got "
                    + InputErrors.quoted(mismatch.getValue()))),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException missing,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(List.of(new FieldProblem(missing.getParameterName(), "is required")), request);
  }

  /**
   * A body that is not the JSON the operation takes: the field at fault when Jackson names one (an
   * unknown field, a number where text belongs), else the fields the body has.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException unreadable,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ClientDisconnects.mark(request, unreadable)) {
      return null; // the body ended because the client left, not because it was wrong
    }
    Class<?> body = bodyType(request);
    for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
      if (cause instanceof ContentTooLargeException) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge, request);
      }
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return invalid(
            List.of(
                new FieldProblem(
                    unknown.getPropertyName(),
                    "is not a known field; the fields are " + InputErrors.fieldList(body))),
            request);
      }
      if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
        String field =
            mismatch.getPath().stream()
                .map(reference ->
                    reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElseThrow();
        return invalid(
            List.of(
                new FieldProblem(field, "must be " + InputErrors.kind(mismatch.getTargetType()))),
            request);
      }
    }
    String detail =
        body == null || InputErrors.fieldList(body).isEmpty()
            ? "The body must be a JSON object."
            : "The body must be a JSON object with the fields " + InputErrors.fieldList(body) + ".";
    return problem(HttpStatus.BAD_REQUEST, detail, request);
  }

  /**
   * Every problem body goes out as problem+json, set here so that Spring does not negotiate it
   * against {@code Accept} (which would turn a 400 for a client that accepts only HTML into a 406).
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    var problemHeaders = new HttpHeaders();
    problemHeaders.putAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, problemHeaders, statusCode);
  }

  private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, InputErrors.sentence(problems));
    body.setProperty("errors", problems);
    return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
    return createResponseEntity(
        ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status, request);
  }

  /** The type of the handler's {@code @RequestBody}, when the request reached a handler. */
  private static @Nullable Class<?> bodyType(WebRequest request) {
    Object handler =
        request.getAttribute(
            HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (handler instanceof HandlerMethod method) {
      for (MethodParameter parameter : method.getMethodParameters()) {
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
          return parameter.getParameterType();
        }
      }
    }
    return null;
  }
}
