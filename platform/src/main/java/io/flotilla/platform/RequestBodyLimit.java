package io.flotilla.platform;

import io.flotilla.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ContentTooLargeException;

/**
 * Refuses a request body larger than {@code flotilla.requests.max-body-size} with 413 problem+json
 * before anything reads it: at once when {@code Content-Length} says so, else (a chunked body) as
 * soon as one byte too many is read, which the advice answers alike.
 */
class RequestBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;

  RequestBodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  static String detail(long maxBytes) {
    return "The request body must be at most " + maxBytes + " bytes.";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > maxBytes) {
      // The body is not read: the connection closes rather than drain it.
      response.setHeader("Connection", "close");
      ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, detail(maxBytes));
      return;
    }
    // A body of unknown length comes chunked; a request without either header has no body.
    boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
    chain.doFilter(chunked ? new Counted(request, maxBytes) : request, response);
  }

  /** A request whose body stream fails once it has given more than the limit. */
  private static final class Counted extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream counted;

    Counted(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountingStream(super.getInputStream(), maxBytes);
      }
      return counted;
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    CountingStream(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > maxBytes) {
        throw new ContentTooLargeException(null);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
