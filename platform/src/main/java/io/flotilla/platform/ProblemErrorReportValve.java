package io.flotilla.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The body of an error Tomcat answers itself, before any servlet runs: a request target that is no
 * URI, a broken percent escape, bytes that are not UTF-8. Problem details like every other error,
 * never Tomcat's HTML page or a stack trace.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  static final String UNREADABLE_TARGET =
      "The request target is not a valid URI: characters outside RFC 3986 and a % that does not"
          + " start a two-digit hex escape must be percent-encoded, and escapes must spell UTF-8.";

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    var ioAllowed = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail =
        status == 400
            ? UNREADABLE_TARGET
            : "The server refused the request before the application could read it.";
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title, status, detail));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response was committed meanwhile: nothing left to tell it.
    }
  }
}
