package io.flotilla.gateway.edgecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.flotilla.platform.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's HTTP cache: a GET whose answer a service marked as shareable for a while ({@code
 * Cache-Control: public, max-age=...}, see {@link Freshness}) is answered from memory until that
 * time is up, the way a CDN or nginx's proxy cache would, with {@code Age}, {@code X-Cache: HIT}
 * and {@code Cache-Status} (RFC 9211). Math results (never change) and the menu relay's answers
 * (for what is left of their 10 s) are such answers; nothing of the microblog or the portal is.
 *
 * <p>It sits in front of the whole web handler, outside Spring's request observation, routing and
 * filters: a hit costs a map lookup and a write, which is what makes the gateway's throughput on
 * popular answers a multiple of what proxying them gives. So a hit is counted in {@code
 * flotilla_gateway_cache_requests_total{result="hit"}}, not in {@code http_server_requests} or the
 * per-route metrics, and is not written to the request log. Requests that carry credentials or ask
 * not to be served from a cache ({@code Cache-Control: no-cache}) always go to the service.
 */
@Component
@ConditionalOnBooleanProperty(name = "flotilla.gateway.edge-cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EdgeCacheProperties.class)
class EdgeCache implements HttpHandlerDecoratorFactory {

  static final String CACHE_STATUS = "Cache-Status";
  static final String X_CACHE = "X-Cache";
  private static final String CACHE_NAME = "flotilla-gateway";

  /** Headers of one exchange or one connection, not of the answer: never kept. */
  private static final Set<String> NOT_KEPT =
      Set.of(
          HttpHeaders.AGE,
          HttpHeaders.CONTENT_LENGTH,
          HttpHeaders.TRANSFER_ENCODING,
          HttpHeaders.CONNECTION,
          "Keep-Alive",
          RequestIds.HEADER,
          CACHE_STATUS);

  private final Cache<String, StoredAnswer> answers;
  private final long maxEntryBytes;
  private final Counter hits;
  private final Counter misses;
  private final Counter bypasses;

  EdgeCache(EdgeCacheProperties properties, MeterRegistry registry) {
    this.answers =
        Caffeine.newBuilder()
            .maximumWeight(properties.maxSize().toBytes())
            .weigher((String key, StoredAnswer answer) -> key.length() + answer.weight())
            .expireAfter(Expiry.creating((String key, StoredAnswer answer) -> answer.freshFor()))
            .build();
    this.maxEntryBytes = properties.maxEntrySize().toBytes();
    this.hits = requests(registry, "hit");
    this.misses = requests(registry, "miss");
    this.bypasses = requests(registry, "bypass");
    Gauge.builder("flotilla.gateway.cache.entries", answers, Cache::estimatedSize)
        .description("Answers the gateway's edge cache holds")
        .register(registry);
  }

  private static Counter requests(MeterRegistry registry, String result) {
    return Counter.builder("flotilla.gateway.cache.requests")
        .description("Requests that found the gateway's edge cache: hit, miss or bypass")
        .tag("result", result)
        .register(registry);
  }

  @Override
  public HttpHandler apply(HttpHandler next) {
    return (request, response) -> {
      if (!mayUseCache(request)) {
        bypasses.increment();
        response.getHeaders().set(CACHE_STATUS, CACHE_NAME + "; fwd=bypass");
        return next.handle(request, response);
      }
      String key = keyOf(request);
      StoredAnswer stored = answers.getIfPresent(key);
      if (stored != null) {
        hits.increment();
        return answer(stored, request, response);
      }
      misses.increment();
      response.getHeaders().set(CACHE_STATUS, CACHE_NAME + "; fwd=miss");
      return next.handle(request, new Keeping(response, key));
    };
  }

  private static boolean mayUseCache(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    return request.getMethod() == HttpMethod.GET
        && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
        && !Freshness.refusedBy(headers);
  }

  /** The raw path and query, as the service would see them. */
  private static String keyOf(ServerHttpRequest request) {
    String query = request.getURI().getRawQuery();
    String path = request.getURI().getRawPath();
    return query == null ? path : path + "?" + query;
  }

  private static Mono<Void> answer(
      StoredAnswer stored, ServerHttpRequest request, ServerHttpResponse response) {
    long now = System.nanoTime();
    response.setStatusCode(stored.status());
    HttpHeaders headers = response.getHeaders();
    headers.addAll(stored.headers());
    headers.setContentLength(stored.body().length);
    headers.set(HttpHeaders.AGE, Long.toString(stored.ageSeconds(now)));
    headers.set(X_CACHE, "HIT");
    headers.set(CACHE_STATUS, CACHE_NAME + "; hit; ttl=" + stored.ttlSeconds(now));
    headers.set(
        RequestIds.HEADER,
        RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER)));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(stored.body())));
  }

  /**
   * Passes the service's answer on unchanged and, when it may be kept, keeps a copy. A body that
   * may be kept is held until it is complete (up to the entry limit, then passed on as it comes and
   * not kept), so the copy is in place before the client has the answer: its next request is a hit.
   */
  private final class Keeping extends ServerHttpResponseDecorator {

    private final String key;

    Keeping(ServerHttpResponse delegate, String key) {
      super(delegate);
      this.key = key;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      HttpStatus status =
          HttpStatus.resolve(getStatusCode() == null ? 200 : getStatusCode().value());
      var freshFor = Freshness.of(status, getHeaders());
      if (freshFor.isEmpty()) {
        return super.writeWith(body);
      }
      long receivedAt = System.nanoTime();
      HttpHeaders kept = keptHeaders(getHeaders());
      long age = Freshness.seconds(getHeaders().getFirst(HttpHeaders.AGE));
      long[] size = {0};
      Flux<DataBuffer> passedOn =
          Flux.<DataBuffer>from(body)
              // One list of the whole body, or lists that end where it grew too large.
              .bufferUntil(buffer -> (size[0] += buffer.readableByteCount()) > maxEntryBytes)
              .doOnNext(buffers -> {
                if (size[0] <= maxEntryBytes) {
                  answers.put(
                      key,
                      new StoredAnswer(
                          status, kept, bytesOf(buffers), receivedAt, freshFor.get(), age));
                }
              })
              .flatMapIterable(buffers -> buffers)
              .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
      return super.writeWith(passedOn);
    }
  }

  /** A copy of the buffers' readable bytes, leaving them to be written as they are. */
  private static byte[] bytesOf(List<DataBuffer> buffers) {
    var copy = new ByteArrayOutputStream();
    for (DataBuffer buffer : buffers) {
      int start = buffer.readPosition();
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      buffer.readPosition(start);
      copy.writeBytes(bytes);
    }
    return copy.toByteArray();
  }

  private static HttpHeaders keptHeaders(HttpHeaders headers) {
    var kept = new HttpHeaders();
    headers.forEach((name, values) -> {
      if (NOT_KEPT.stream().noneMatch(name::equalsIgnoreCase)) {
        kept.addAll(name, values);
      }
    });
    return HttpHeaders.readOnlyHttpHeaders(kept);
  }

  /**
   * An answer as the service gave it.
   *
   * @param receivedAt {@link System#nanoTime()} when it came in
   * @param freshFor how long it may be served from then on
   * @param ageAtReceipt its {@code Age} then, in seconds: the service's own cache may have held it
   */
  record StoredAnswer(
      HttpStatus status,
      HttpHeaders headers,
      byte[] body,
      long receivedAt,
      Duration freshFor,
      long ageAtReceipt) {

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
