package io.flotilla.platform;

import java.io.EOFException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A client that went away in the middle of its request or of the answer: nothing can be answered
 * and nothing is wrong with the service, so the request log says so in its one line instead of an
 * error with a stack trace.
 */
final class ClientDisconnects {

  static final String ATTRIBUTE = ClientDisconnects.class.getName();

  private ClientDisconnects() {}

  /**
   * Spring's own test (the servers' abort exceptions, "broken pipe", "connection reset"), and an
   * end of input where a request body should have gone on.
   */
  static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (DisconnectedClientHelper.isClientDisconnectedException(cause)
          || cause instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  /** Marks the request for the request log when the error is a client that left. */
  static boolean mark(WebRequest request, Throwable error) {
    if (!causedBy(error)) {
      return false;
    }
    request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    return true;
  }
}
