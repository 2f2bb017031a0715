package io.flotilla.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Servlet services: carries the request id and logs every request with its duration. */
class RequestLoggingFilter extends OncePerRequestFilter {

  static final String MDC_KEY = "request.id";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, requestId);
    MDC.put(MDC_KEY, requestId);
    try {
      chain.doFilter(request, response);
    } catch (IOException e) {
      if (!ClientDisconnects.causedBy(e)) {
        throw e;
      }
      request.setAttribute(ClientDisconnects.ATTRIBUTE, Boolean.TRUE);
    } finally {
      if (request.getAttribute(ClientDisconnects.ATTRIBUTE) != null) {
        RequestLog.disconnected(
            request.getMethod(),
            request.getRequestURI(),
            request.getQueryString(),
            start,
            requestId);
      } else {
        RequestLog.answered(
            request.getMethod(),
            request.getRequestURI(),
            request.getQueryString(),
            response.getStatus(),
            start,
            requestId,
            request.getAttribute(RoutineRequest.ATTRIBUTE) != null);
      }
      MDC.remove(MDC_KEY);
    }
  }
}
