package io.flotilla.gateway.ratelimit;

import io.flotilla.gateway.ratelimit.RateLimitProperties.Limit;
import io.flotilla.platform.TrustedProxies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's rate limits: every request past the edge cache draws on its client address's
 * bucket, a request with a bearer token also on that token's, a login or a registration also on the
 * address's login or registration bucket. An empty bucket is a 429 problem+json with {@code
 * Retry-After}, counted in {@code flotilla_gateway_rate_limited_total{limit}}.
 *
 * <p>The client is the connection's address unless that is a trusted proxy ({@code
 * flotilla.trusted-proxies}, {@link TrustedProxies}); {@link ForwardedClient} passes it on as the
 * only {@code X-Forwarded-For}, so a service behind the gateway that trusts it sees the same
 * client.
 *
 * <p>The gateway does not verify tokens, so it keys a token's bucket by the token's hash, not by
 * the account it names: a forged token that names someone draws on a bucket of its own, never on
 * theirs, and its requests still draw on their address's bucket.
 */
final class RateLimits implements WebFilter, Ordered {

  /** Just inside the edge cache: a hit costs no more than a refusal would, and is never limited. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  static final String X_FORWARDED_FOR = "X-Forwarded-For";

  /** The exchange attribute that holds the client decided on, for {@link ForwardedClient}. */
  static final String CLIENT = RateLimits.class.getName() + ".client";

  /** The most of a refused request's body read and dropped (a login's is a few hundred bytes). */
  private static final long MAX_DRAINED = 64 * 1024;

  private static final Duration DRAIN_WITHIN = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

  /** One bucket a request draws on: which limit, whose bucket, and what a refusal says. */
  record Check(String limit, String key, Limit size, String refusal) {}

  private final RateLimitProperties settings;
  private final TrustedProxies proxies;
  private final TrustedProxies unlimited;
  private final Buckets buckets;
  private final Map<String, Counter> limited;
  private final Counter unchecked;

  RateLimits(
      RateLimitProperties settings, TrustedProxies proxies, Buckets buckets, MeterRegistry meters) {
    this.settings = settings;
    this.proxies = proxies;
    this.unlimited = TrustedProxies.of(settings.unlimited());
    this.buckets = buckets;
    this.limited =
        Map.of(
            "address", limited(meters, "address"),
            "account", limited(meters, "account"),
            "login", limited(meters, "login"),
            "registration", limited(meters, "registration"));
    this.unchecked =
        Counter.builder("flotilla.gateway.rate.limit.unchecked")
            .description("Requests let through because the rate limits' store failed")
            .register(meters);
  }

  private static Counter limited(MeterRegistry meters, String limit) {
    return Counter.builder("flotilla.gateway.rate.limited")
        .description("Requests refused with 429 by the gateway's rate limits")
        .tag("limit", limit)
        .register(meters);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String client = clientOf(request);
    exchange.getAttributes().put(CLIENT, client);
    if (!settings.enabled() || unlimited.trusts(client)) {
      return chain.filter(exchange);
    }
    return Flux.fromIterable(checksOf(request, client))
        .concatMap(check ->
            buckets
                .take(check.limit() + ":" + check.key(), check.size())
                .onErrorResume(failed -> {
                  unchecked.increment();
                  log.debug("rate limit store failed: {}", failed.toString());
                  return Mono.just(0L);
                })
                .filter(wait -> wait > 0)
                .map(wait -> refused(check, wait)))
        .next()
        .flatMap(refusal -> drained(request).then(Mono.<Void>error(refusal)))
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
  }

  /**
   * Reads and drops what the client is still sending, within a bound: closing a connection with
   * unread bytes resets it, and the client would lose the 429 before reading it.
   */
  private static Mono<Void> drained(ServerHttpRequest request) {
    long[] read = {0};
    return request
        .getBody()
        .take(DRAIN_WITHIN)
        .takeWhile(buffer -> (read[0] += buffer.readableByteCount()) <= MAX_DRAINED)
        .doOnNext(DataBufferUtils::release)
        .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
        .then();
  }

  String clientOf(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String connectedFrom =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    return proxies.clientOf(connectedFrom, request.getHeaders().get(X_FORWARDED_FOR));
  }

  /** The buckets this request draws on, the narrowest first. */
  List<Check> checksOf(ServerHttpRequest request, String client) {
    var checks = new ArrayList<Check>();
    if (request.getMethod() == HttpMethod.POST) {
      String path = normalized(request.getPath().pathWithinApplication());
      if (path.equals("/api/v1/auth/login")) {
        checks.add(
            new Check(
                "login", client, settings.login(), "Too many login attempts from this address"));
      } else if (path.equals("/api/v1/users")) {
        checks.add(
            new Check(
                "registration",
                client,
                settings.registration(),
                "Too many registrations from this address"));
      }
    }
    String token = bearerToken(request.getHeaders());
    if (token != null) {
      checks.add(
          new Check(
              "account", hash(token), settings.perAccount(), "Too many requests with this token"));
    }
    checks.add(
        new Check("address", client, settings.perAddress(), "Too many requests from this address"));
    return checks;
  }

  /**
   * The path as the service will see it: decoded, without {@code ;parameters}, empty segments and
   * dot segments, so that {@code /api/v1/auth//./%6Cogin;x} is a login too.
   */
  static String normalized(PathContainer path) {
    var segments = new ArrayDeque<String>();
    for (PathContainer.Element element : path.elements()) {
      if (element instanceof PathContainer.PathSegment segment) {
        String value = segment.valueToMatch();
        if (value.equals("..")) {
          segments.pollLast();
        } else if (!value.isEmpty() && !value.equals(".")) {
          segments.addLast(value);
        }
      }
    }
    return "/" + String.join("/", segments);
  }

  private static String bearerToken(HttpHeaders headers) {
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private ErrorResponseException refused(Check check, long waitNanos) {
    limited.get(check.limit()).increment();
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            check.refusal()
                + "; try again in "
                + (seconds == 1 ? "1 second." : seconds + " seconds."));
    var refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
    refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return refusal;
  }
}
