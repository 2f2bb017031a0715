package io.flotilla.gateway.httpcache;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * How long a shared cache may reuse an answer (RFC 9111), for the few cases {@link ResponseCache}
 * keeps: a 200 whose {@code Cache-Control} gives {@code s-maxage} or {@code max-age}, is not {@code
 * private}, {@code no-store} or {@code no-cache}, sets no cookie, is not compressed (so it suits
 * every client) and varies with nothing but {@code Accept-Encoding} and {@code Accept} (which is
 * part of the key). What the service already spent of that time ({@code Age}) is taken off.
 */
final class Freshness {

  private Freshness() {}

  static Optional<Duration> of(int status, HttpHeaders headers) {
    if (status != HttpStatus.OK.value()
        || headers.containsHeader(HttpHeaders.SET_COOKIE)
        || headers.containsHeader(HttpHeaders.CONTENT_ENCODING)
        || !variesAtMostWithEncoding(headers)) {
      return Optional.empty();
    }
    long lifetime = lifetimeSeconds(headers.getCacheControl());
    long remaining = lifetime - seconds(headers.getFirst(HttpHeaders.AGE));
    return remaining > 0 ? Optional.of(Duration.ofSeconds(remaining)) : Optional.empty();
  }

  /** Whether a request's {@code Cache-Control} or {@code Pragma} asked for a fresh answer. */
  static boolean refusedBy(String cacheControl, String pragma) {
    if (cacheControl != null) {
      String directives = cacheControl.toLowerCase(Locale.ROOT);
      if (directives.contains("no-cache") || directives.contains("no-store")) {
        return true;
      }
    }
    return pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
  }

  /** s-maxage, else max-age, in seconds; 0 when either is absent or the answer is not shared. */
  private static long lifetimeSeconds(String cacheControl) {
    if (cacheControl == null) {
      return 0;
    }
    long maxAge = 0;
    long sharedMaxAge = -1;
    for (String directive : cacheControl.split(",")) {
      String name = directive.strip().toLowerCase(Locale.ROOT);
      if (name.startsWith("private")
          || name.startsWith("no-store")
          || name.startsWith("no-cache")) {
        return 0;
      }
      if (name.startsWith("s-maxage=")) {
        sharedMaxAge = seconds(name.substring("s-maxage=".length()));
      } else if (name.startsWith("max-age=")) {
        maxAge = seconds(name.substring("max-age=".length()));
      }
    }
    return sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
  }

  /** A copy is kept per {@code Accept}, and only uncompressed answers are kept. */
  private static boolean variesAtMostWithEncoding(HttpHeaders headers) {
    return headers.getVary().stream()
        .allMatch(name ->
            name.equalsIgnoreCase(HttpHeaders.ACCEPT_ENCODING)
                || name.equalsIgnoreCase(HttpHeaders.ACCEPT));
  }

  /** A delta-seconds value; anything malformed counts as 0, which keeps nothing. */
  static long seconds(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(value.strip().replace("\"", "")));
    } catch (NumberFormatException malformed) {
      return 0;
    }
  }
}
