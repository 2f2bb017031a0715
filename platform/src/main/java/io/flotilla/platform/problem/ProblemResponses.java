package io.flotilla.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json body straight to the servlet response, for the answers given outside Spring
 * MVC (security filters, the body-size limit): the same fields, in the same order, as the advice's.
 */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    var body = new LinkedHashMap<String, Object>();
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.put("status", status.value());
    body.put("title", status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // Bytes, not a writer: JSON is UTF-8 by definition and the type takes no charset.
    response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
  }
}
