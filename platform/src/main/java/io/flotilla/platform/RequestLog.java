package io.flotilla.platform;

import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * One event per answered request, on logger {@code flotilla.request}: readable on the console, with
 * the same facts as fields in structured (ECS JSON) logs.
 */
final class RequestLog {

  private static final Logger log = LoggerFactory.getLogger("flotilla.request");

  private static final Set<String> PROBES = Set.of("/health", "/livez", "/readyz");

  private RequestLog() {}

  private static boolean isProbeOrScrape(String path) {
    return path.startsWith("/actuator/") || PROBES.contains(path);
  }

  static void answered(
      String method, String path, String query, int status, long startNanos, String requestId) {
    answered(method, path, query, status, startNanos, requestId, false);
  }

  /** A client that left before its answer was complete: one line, at INFO, that says so. */
  static void disconnected(
      String method, String path, String query, long startNanos, String requestId) {
    line(Level.INFO, method, path, query, null, startNanos, requestId);
  }

  /**
   * @param routine the handler marked the answer as routine ({@link RoutineRequest})
   */
  static void answered(
      String method,
      String path,
      String query,
      int status,
      long startNanos,
      String requestId,
      boolean routine) {
    // Scrapes, probes and routine answers would drown the interesting lines: one level lower.
    Level level = routine || isProbeOrScrape(path) ? Level.DEBUG : Level.INFO;
    line(level, method, path, query, status, startNanos, requestId);
  }

  /** The one line: with the answer's status, or, without one, saying that the client left. */
  private static void line(
      Level level,
      String method,
      String path,
      String query,
      Integer status,
      long startNanos,
      String requestId) {
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
    String target = query == null ? path : path + "?" + query;
    String duration = String.format(Locale.ROOT, "%.2f", millis);
    var event =
        log.atLevel(level).addKeyValue("http.request.method", method).addKeyValue("url.path", path);
    if (status != null) {
      event = event.addKeyValue("http.response.status_code", status);
    }
    event = event.addKeyValue("event.duration_ms", millis);
    // Servlet services already have the id in the MDC; a second copy breaks ECS JSON logging.
    if (MDC.get(RequestLoggingFilter.MDC_KEY) == null) {
      event = event.addKeyValue(RequestLoggingFilter.MDC_KEY, requestId);
    }
    if (status == null) {
      event
          .addKeyValue("event.outcome", "client_disconnected")
          .log("{} {} client disconnected after {} ms", method, target, duration);
    } else {
      event.log("{} {} {} {} ms", method, target, status, duration);
    }
  }
}
