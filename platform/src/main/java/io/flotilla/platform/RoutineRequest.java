package io.flotilla.platform;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets a handler say that its answer is routine, so that its request line is logged at DEBUG rather
 * than INFO: an idle long poll, say, which would otherwise add a line every few seconds.
 */
public final class RoutineRequest {

  static final String ATTRIBUTE = RoutineRequest.class.getName();

  private RoutineRequest() {}

  /** Marks the request being handled on this thread (servlet services). */
  public static void mark() {
    RequestContextHolder.currentRequestAttributes()
        .setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
  }
}
