package io.flotilla.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which services run, on which ports, and how they find each other. Ports follow the same
 * environment variables as the services themselves ({@code MATH_PORT}, {@code GATEWAY_PORT}...).
 * Services start in this order; the gateway comes last so that it is ready to route when it is up.
 */
final class Topology {

  private Topology() {}

  static List<Service> from(Map<String, String> env) {
    int math = port(env, "MATH_PORT", 8081);
    int hardware = port(env, "HARDWARE_PORT", 8086);
    int portal = port(env, "PORTAL_PORT", 8087);
    int lunch = port(env, "LUNCH_PORT", 8089);
    int menu = port(env, "MENU_PORT", 8082);
    int users = port(env, "USERS_PORT", 8083);
    int tweets = port(env, "TWEETS_PORT", 8084);
    int search = port(env, "SEARCH_PORT", 8085);
    int gateway = port(env, "GATEWAY_PORT", 8080);

    List<Service> services = new ArrayList<>();
    services.add(new Service("math", math, List.of()));
    services.add(new Service("hardware", hardware, List.of()));
    services.add(
        new Service(
            "portal", portal, List.of("--flotilla.portal.hardware-urls=" + local(hardware))));
    services.add(new Service("lunch", lunch, List.of()));
    services.add(
        new Service("menu", menu, List.of("--flotilla.menu.upstream-url=" + local(lunch))));
    services.add(new Service("users", users, List.of()));
    services.add(new Service("tweets", tweets, List.of("--USERS_URL=" + local(users))));
    services.add(
        new Service("search", search, List.of("--flotilla.search.tweets-url=" + local(tweets))));
    services.add(
        new Service(
            "gateway",
            gateway,
            List.of(
                "--flotilla.services.math=" + local(math),
                "--flotilla.services.menu=" + local(menu),
                "--flotilla.services.portal=" + local(portal),
                "--flotilla.services.users=" + local(users),
                "--flotilla.services.tweets=" + local(tweets),
                "--flotilla.services.search=" + local(search))));
    return List.copyOf(services);
  }

  private static String local(int port) {
    return "http://localhost:" + port;
  }

  static int port(Map<String, String> env, String variable, int defaultPort) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below, with what is allowed
    }
    throw new IllegalArgumentException(
        variable + " must be a port number from 1 to 65535, got \"" + value + "\"");
  }
}
