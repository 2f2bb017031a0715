package io.flotilla.gateway.httpcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.flotilla.platform.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;

/**
 * A shared HTTP cache (RFC 9111, the subset {@link Freshness} describes) at the edge: what a
 * service marks as shareable for a while is kept and answered from memory until that time is up,
 * the way a CDN or nginx's proxy cache would, with {@code Age}, {@code X-Cache: HIT} and {@code
 * Cache-Status} (RFC 9211). {@link EdgeCache} asks it before any route; each request that finds it
 * is counted in {@code flotilla_http_cache_requests_total{result}}.
 */
final class ResponseCache {

  static final String CACHE_STATUS = "Cache-Status";
  static final String X_CACHE = "X-Cache";

  /**
   * Headers of one exchange or one connection, not of the answer, and those a hit sets anew: never
   * kept.
   */
  private static final Set<String> NOT_KEPT =
      Set.of(
          HttpHeaders.AGE,
          HttpHeaders.CONTENT_LENGTH,
          HttpHeaders.TRANSFER_ENCODING,
          HttpHeaders.CONNECTION,
          "Keep-Alive",
          RequestIds.HEADER,
          CACHE_STATUS,
          X_CACHE);

  private final Ticker ticker;
  private final Cache<String, StoredAnswer> answers;
  private final long maxEntryBytes;
  private final String name;
  private final Counter hits;
  private final Counter misses;
  private final Counter bypasses;

  ResponseCache(
      HttpCacheProperties properties, String service, Clock clock, MeterRegistry registry) {
    // The service's clock, so that a test which moves it ages the kept answers too.
    this.ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.answers =
        Caffeine.newBuilder()
            .ticker(ticker)
            .maximumWeight(properties.maxSize().toBytes())
            .weigher((String key, StoredAnswer answer) -> key.length() + answer.weight())
            .expireAfter(Expiry.creating((String key, StoredAnswer answer) -> answer.freshFor()))
            .build();
    this.maxEntryBytes = properties.maxEntrySize().toBytes();
    this.name = "flotilla-" + service;
    this.hits = requests(registry, "hit");
    this.misses = requests(registry, "miss");
    this.bypasses = requests(registry, "bypass");
    Gauge.builder("flotilla.http.cache.entries", answers, Cache::estimatedSize)
        .description("Answers the HTTP cache in front of this service holds")
        .register(registry);
  }

  private static Counter requests(MeterRegistry registry, String result) {
    return Counter.builder("flotilla.http.cache.requests")
        .description(
            "Requests that found the HTTP cache in front of this service: hit, miss or bypass")
        .tag("result", result)
        .register(registry);
  }

  /**
   * Whether a request may be answered from the cache: a GET without credentials that did not ask
   * for a fresh answer. One that may not goes to the service, and is counted as a bypass.
   */
  boolean admits(String method, Function<String, String> header) {
    boolean admitted =
        "GET".equals(method)
            && header.apply(HttpHeaders.AUTHORIZATION) == null
            && !Freshness.refusedBy(
                header.apply(HttpHeaders.CACHE_CONTROL), header.apply(HttpHeaders.PRAGMA));
    if (!admitted) {
      bypasses.increment();
    }
    return admitted;
  }

  /**
   * The raw path and query, as the service sees them, and what the client accepts: a service may
   * answer one client JSON and another 406, so each {@code Accept} has its own copy.
   */
  static String keyOf(String rawPath, String rawQuery, String accept) {
    String target = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    return accept == null ? target : target + "\n" + accept;
  }

  /** The kept answer for this key, if it is still fresh; counts a hit or a miss. */
  StoredAnswer find(String key) {
    StoredAnswer stored = answers.getIfPresent(key);
    (stored == null ? misses : hits).increment();
    return stored;
  }

  /** Now, in nanoseconds, for {@link #keep}'s {@code receivedAt}. */
  long now() {
    return ticker.read();
  }

  long maxEntryBytes() {
    return maxEntryBytes;
  }

  /**
   * Keeps a complete 200 answer for as long as {@link Freshness#of} said, unless its body is larger
   * than an entry may be; {@code receivedAt} is {@link #now()} when it came in.
   */
  void keep(String key, HttpHeaders headers, byte[] body, long receivedAt, Duration freshFor) {
    if (body.length > maxEntryBytes) {
      return;
    }
    long age = Freshness.seconds(headers.getFirst(HttpHeaders.AGE));
    answers.put(key, new StoredAnswer(kept(headers), body, receivedAt, freshFor, age));
  }

  /** {@code Cache-Status} of an answer the service gave: a miss, or a request that bypassed us. */
  String forwarded(boolean bypassed) {
    return name + (bypassed ? "; fwd=bypass" : "; fwd=miss");
  }

  /**
   * Gives the headers of a hit to {@code header}: the kept ones, then {@code Content-Length},
   * {@code Age}, {@code X-Cache} and {@code Cache-Status}. Straight to the response, without a map
   * in between: on a hit, this is most of the work that is ours.
   */
  void hitHeaders(StoredAnswer stored, BiConsumer<String, String> header) {
    long now = ticker.read();
    for (Header kept : stored.headers()) {
      header.accept(kept.name(), kept.value());
    }
    header.accept(HttpHeaders.CONTENT_LENGTH, Integer.toString(stored.body().length));
    header.accept(HttpHeaders.AGE, Long.toString(stored.ageSeconds(now)));
    header.accept(X_CACHE, "HIT");
    header.accept(CACHE_STATUS, name + "; hit; ttl=" + stored.ttlSeconds(now));
  }

  private static List<Header> kept(HttpHeaders headers) {
    var kept = new ArrayList<Header>();
    headers.forEach((name, values) -> {
      if (NOT_KEPT.stream().noneMatch(name::equalsIgnoreCase)) {
        values.forEach(value -> kept.add(new Header(name, value)));
      }
    });
    return List.copyOf(kept);
  }

  /** One line of a kept answer's head. */
  record Header(String name, String value) {}

  /**
   * A 200 answer as the service gave it (only a 200 is kept).
   *
   * @param receivedAt the cache's {@link #now()} when it came in
   * @param freshFor how long it may be answered from then on
   * @param ageAtReceipt its {@code Age} then, in seconds: the service's own cache may have held it
   */
  record StoredAnswer(
      List<Header> headers, byte[] body, long receivedAt, Duration freshFor, long ageAtReceipt) {

    long ageSeconds(long now) {
      return ageAtReceipt + Duration.ofNanos(now - receivedAt).toSeconds();
    }

    long ttlSeconds(long now) {
      return Math.max(0, freshFor.minusNanos(now - receivedAt).toSeconds());
    }

    int weight() {
      return body.length + 64 * headers.size();
    }
  }
}
