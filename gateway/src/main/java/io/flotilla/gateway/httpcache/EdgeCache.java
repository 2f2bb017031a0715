package io.flotilla.gateway.httpcache;

import io.flotilla.gateway.httpcache.ResponseCache.StoredAnswer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link ResponseCache} of the gateway: a web filter just inside the request log, so a hit is
 * answered before any route, yet counted in {@code http_server_requests} (Spring's observation
 * wraps every filter) and written to the request log like every other request.
 */
final class EdgeCache implements WebFilter, Ordered {

  /** Right after the platform's request log filter (HIGHEST_PRECEDENCE). */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

  private final ResponseCache cache;

  EdgeCache(ResponseCache cache) {
    this.cache = cache;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    ServerHttpResponse response = exchange.getResponse();
    if (!cache.admits(request.getMethod().name(), request.getHeaders()::getFirst)) {
      withCacheStatus(response, cache.forwarded(true));
      return chain.filter(exchange);
    }
    String key =
        ResponseCache.keyOf(
            request.getURI().getRawPath(),
            request.getURI().getRawQuery(),
            request.getHeaders().getFirst(HttpHeaders.ACCEPT));
    StoredAnswer stored = cache.find(key);
    if (stored != null) {
      response.setStatusCode(HttpStatus.OK);
      cache.hitHeaders(stored, response.getHeaders()::add);
      return response.writeWith(Mono.just(response.bufferFactory().wrap(stored.body())));
    }
    withCacheStatus(response, cache.forwarded(false));
    return chain.filter(exchange.mutate().response(new Keeping(response, key)).build());
  }

  /**
   * Adds ours to whatever {@code Cache-Status} the answer carries when it is sent (a proxied
   * service's own comes first, nearest the origin, as RFC 9211 lists them).
   */
  private static void withCacheStatus(ServerHttpResponse response, String status) {
    response.beforeCommit(() -> {
      response.getHeaders().add(ResponseCache.CACHE_STATUS, status);
      return Mono.empty();
    });
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
      HttpStatusCode code = getStatusCode();
      int status = code == null ? 200 : code.value();
      Optional<Duration> freshFor = Freshness.of(status, getHeaders());
      if (freshFor.isEmpty()) {
        return super.writeWith(body);
      }
      long receivedAt = cache.now();
      long limit = cache.maxEntryBytes();
      long[] size = {0};
      Flux<DataBuffer> passedOn =
          Flux.<DataBuffer>from(body)
              // One list of the whole body, or lists that end where it grew too large.
              .bufferUntil(buffer -> (size[0] += buffer.readableByteCount()) > limit)
              .doOnNext(buffers -> {
                if (size[0] <= limit) {
                  cache.keep(key, getHeaders(), bytesOf(buffers), receivedAt, freshFor.get());
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
}
