package io.flotilla.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client a servlet request comes from: the connection's address, or the one a trusted proxy
 * ({@code flotilla.trusted-proxies}, the gateway where it is one) names in {@code X-Forwarded-For}.
 * Everything that counts clients — the login throttle, heavy work's shares — asks here, so that
 * they all count the same client.
 */
public final class ClientAddresses {

  private final TrustedProxies proxies;

  public ClientAddresses(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  public String of(HttpServletRequest request) {
    return proxies.clientOf(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /** The client of the request this thread is serving, if it serves one. */
  public @Nullable String current() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      return of(attributes.getRequest());
    }
    return null;
  }
}
