package io.flotilla.platform.httpcache;

import io.flotilla.platform.RequestIds;
import io.flotilla.platform.httpcache.ResponseCache.StoredAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@link ResponseCache} of a servlet service: the first filter, before Spring's observation,
 * the request log and Spring MVC, so a hit costs Tomcat and a map lookup. An answer that may be
 * kept is held until the service has finished it, then kept and sent.
 */
final class ServletFrontDoor extends OncePerRequestFilter {

  private final ResponseCache cache;

  ServletFrontDoor(ResponseCache cache) {
    this.cache = cache;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!cache.admits(request.getMethod(), request::getHeader)) {
      response.addHeader(ResponseCache.CACHE_STATUS, cache.forwarded(true));
      chain.doFilter(request, response);
      return;
    }
    // Tomcat's request URI is the raw, still percent-encoded path.
    String key =
        ResponseCache.keyOf(
            request.getRequestURI(),
            request.getQueryString(),
            request.getHeader(HttpHeaders.ACCEPT));
    StoredAnswer stored = cache.find(key);
    if (stored != null) {
      answer(stored, request, response);
      return;
    }
    long receivedAt = cache.now();
    var held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    HttpHeaders headers = headersOf(held);
    Freshness.of(held.getStatus(), headers)
        .ifPresent(freshFor ->
            cache.keep(key, headers, held.getContentAsByteArray(), receivedAt, freshFor));
    held.addHeader(ResponseCache.CACHE_STATUS, cache.forwarded(false));
    held.copyBodyToResponse();
  }

  private void answer(StoredAnswer stored, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    cache.hitHeaders(stored, request.getHeader(RequestIds.HEADER), response::addHeader);
    response.getOutputStream().write(stored.body());
  }

  /** The answer's headers; Tomcat keeps the content type apart from them until it is sent. */
  private static HttpHeaders headersOf(HttpServletResponse response) {
    var headers = new HttpHeaders();
    for (String name : response.getHeaderNames()) {
      headers.addAll(name, List.copyOf(response.getHeaders(name)));
    }
    if (response.getContentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, response.getContentType());
    }
    return headers;
  }
}
