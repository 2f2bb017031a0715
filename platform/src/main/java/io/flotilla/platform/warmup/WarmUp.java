package io.flotilla.platform.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * Before the service reports ready, it sends its own port a few requests, one at a time: the first
 * requests a JVM serves load the classes of the whole request path (about 450 in the users
 * service), and requests arriving at once wait on each other's class loading. A virtual thread
 * waiting there keeps its carrier (a native frame is on its stack), and the carriers are as many as
 * the cores; in the launcher's one JVM, every service's. A first burst of logins then stalled every
 * service for up to a second (see the performance docs). Spring Boot reports readiness once the
 * ready event's listeners are done, so a load balancer, the launcher and Kubernetes send traffic
 * only to a loaded request path.
 */
class WarmUp {

  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

  /**
   * For a service that lists none: a path it does not have, answered 404 through the filters, the
   * dispatcher and the problem details. Not for a service that answers every path (menu relays it).
   */
  private static final WarmUpSettings.Request NOWHERE =
      new WarmUpSettings.Request("GET", "/flotilla-warm-up", null);

  private final WarmUpSettings settings;
  private final String host;
  private volatile int port;

  /**
   * @param serverAddress {@code server.address}: the one address the service listens on, or null or
   *     a wildcard for all of them, loopback among them
   */
  WarmUp(WarmUpSettings settings, String serverAddress) {
    this.settings = settings;
    this.host = host(serverAddress);
  }

  private static String host(String serverAddress) {
    if (serverAddress == null || serverAddress.isBlank()) {
      return "127.0.0.1";
    }
    try {
      InetAddress address = InetAddress.getByName(serverAddress.strip());
      if (address.isAnyLocalAddress()) {
        return "127.0.0.1";
      }
      return address instanceof Inet6Address
          ? "[" + address.getHostAddress() + "]"
          : address.getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1"; // the server could not have bound it either
    }
  }

  /** The application's port, not the management port's (a server of its own). */
  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
      port = event.getWebServer().getPort();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    if (port <= 0) {
      return; // no server of its own: a mock environment in tests
    }
    List<WarmUpSettings.Request> requests =
        settings.requests().isEmpty() ? List.of(NOWHERE) : settings.requests();
    long start = System.nanoTime();
    List<String> answers = new ArrayList<>();
    for (WarmUpSettings.Request request : requests) {
      answers.add(request.method() + " " + request.path() + " " + send(request));
    }
    log.info(
        "warm-up requests answered in {} ms: {}", (System.nanoTime() - start) / 1_000_000, answers);
  }

  /**
   * The status, or why there was none: a warm-up request never stops the start. HttpURLConnection
   * rather than the JDK's HttpClient, whose first use in a JVM sets up TLS and a selector thread
   * for a plain local request.
   */
  private String send(WarmUpSettings.Request request) {
    try {
      // Straight to the service, whatever proxy the JVM is told to use (http.proxyHost).
      var connection =
          (HttpURLConnection)
              URI.create("http://" + host + ":" + port + request.path())
                  .toURL()
                  .openConnection(Proxy.NO_PROXY);
      int timeout = (int) settings.timeout().toMillis();
      connection.setConnectTimeout(timeout);
      connection.setReadTimeout(timeout);
      connection.setRequestMethod(request.method());
      connection.setRequestProperty("Accept", "application/json");
      if (request.body() != null) {
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream body = connection.getOutputStream()) {
          body.write(request.body().getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = connection.getResponseCode();
      // Read to the end, so that the connection can be kept for the next request.
      try (InputStream answer =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (answer != null) {
          answer.transferTo(OutputStream.nullOutputStream());
        }
      }
      return Integer.toString(status);
    } catch (IOException | IllegalArgumentException e) {
      return "failed (" + e + ")";
    }
  }
}
