package io.flotilla.users;

import io.flotilla.platform.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.springframework.stereotype.Component;

/**
 * The client a request comes from: the connection's address, or the one the gateway forwarded in
 * {@code X-Forwarded-For} when the connection comes from a trusted proxy ({@code
 * flotilla.users.trusted-proxies}), so that the login throttle counts clients, not the gateway.
 */
@Component
class ClientAddresses {

  private final TrustedProxies proxies;

  ClientAddresses(UsersProperties properties) {
    this.proxies = TrustedProxies.of(properties.trustedProxies());
  }

  String of(HttpServletRequest request) {
    return proxies.clientOf(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }
}
