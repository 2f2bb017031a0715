package io.flotilla.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: what the servlet container forwards to for an error raised outside Spring MVC (a
 * filter's {@code sendError}, a request Tomcat refuses after routing it). problem+json for every
 * {@code Accept}, never Boot's HTML page, and never the exception's message.
 */
// Not an API operation: left out of the OpenAPI documents.
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setDetail(
        status.is5xxServerError()
            ? "The server could not answer this request."
            : "The request was refused: " + status.getReasonPhrase() + ".");
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        body.setInstance(URI.create(uri));
      } catch (IllegalArgumentException notAUri) {
        // A path Tomcat let through that is no URI reference: the problem goes without it.
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static HttpStatus status(Object code) {
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
