package io.flotilla.platform;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One event per answered request, on logger {@code flotilla.request}: readable on the console, with
 * the same facts as fields in structured (ECS JSON) logs.
 */
final class RequestLog {

  private static final Logger log = LoggerFactory.getLogger("flotilla.request");

  private RequestLog() {}

  static void answered(
      String method, String path, String query, int status, long startNanos, String requestId) {
    // Scrapes and probes would drown the interesting lines, so they log one level lower.
    Level level = path.startsWith("/actuator") ? Level.DEBUG : Level.INFO;
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
    String target = query == null ? path : path + "?" + query;
    log.atLevel(level)
        .addKeyValue("http.request.method", method)
        .addKeyValue("url.path", path)
        .addKeyValue("http.response.status_code", status)
        .addKeyValue("event.duration_ms", millis)
        .addKeyValue("request.id", requestId)
        .log("{} {} {} {} ms", method, target, status, String.format(Locale.ROOT, "%.2f", millis));
  }
}
