package io.flotilla.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which services run, on which ports, and how they find each other. Ports follow the same
 * environment variables as the services themselves ({@code MATH_PORT}, {@code GATEWAY_PORT}...).
 * Services start in this order; the gateway comes last so that it is ready to route when it is up.
 * Each has a management port for Actuator, {@code MATH_MANAGEMENT_PORT} and so on, by default 1000
 * above its port. Every service but the gateway listens on loopback only, or on the address in
 * {@code FLOTILLA_SERVICES_ADDRESS} (empty: all interfaces).
 *
 * <p>The launcher runs one instance of each ({@link #from}); the process topology runs two of
 * {@code menu} and of {@code hardware} ({@link #withReplicas}), the second on {@code MENU_2_PORT}
 * and {@code HARDWARE_2_PORT} (by default ten above the first), and tells the portal and the
 * gateway about both.
 */
final class Topology {

  private Topology() {}

  static List<Service> from(Map<String, String> env) {
    return withReplicas(env, 1);
  }

  static List<Service> withReplicas(Map<String, String> env, int replicas) {
    int math = port(env, "MATH_PORT", 8081);
    List<Integer> hardware = replicaPorts(env, "HARDWARE", 8086, replicas);
    int portal = port(env, "PORTAL_PORT", 8087);
    int lunch = port(env, "LUNCH_PORT", 8089);
    List<Integer> menu = replicaPorts(env, "MENU", 8082, replicas);
    int users = port(env, "USERS_PORT", 8083);
    int tweets = port(env, "TWEETS_PORT", 8084);
    int search = port(env, "SEARCH_PORT", 8085);
    int gateway = port(env, "GATEWAY_PORT", 8080);

    List<Service> services = new ArrayList<>();
    services.add(new Service("math", math, management(env, "MATH", math), List.of()));
    services.addAll(replicas(env, "hardware", hardware, List.of()));
    services.add(
        new Service(
            "portal",
            portal,
            management(env, "PORTAL", portal),
            List.of("--flotilla.portal.hardware-urls=" + String.join(",", local(hardware)))));
    services.add(new Service("lunch", lunch, management(env, "LUNCH", lunch), List.of()));
    services.addAll(
        replicas(env, "menu", menu, List.of("--flotilla.menu.upstream-url=" + local(lunch))));
    services.add(new Service("users", users, management(env, "USERS", users), List.of()));
    services.add(
        new Service(
            "tweets",
            tweets,
            management(env, "TWEETS", tweets),
            List.of("--USERS_URL=" + local(users))));
    services.add(
        new Service(
            "search",
            search,
            management(env, "SEARCH", search),
            List.of("--flotilla.search.tweets-url=" + local(tweets))));
    List<String> routes = new ArrayList<>();
    routes.addAll(instances("math", List.of(math)));
    routes.addAll(instances("menu", menu));
    routes.addAll(instances("portal", List.of(portal)));
    routes.addAll(instances("users", List.of(users)));
    routes.addAll(instances("tweets", List.of(tweets)));
    routes.addAll(instances("search", List.of(search)));
    services.add(new Service("gateway", gateway, management(env, "GATEWAY", gateway), routes));
    // Only the gateway is for the outside; the others listen where it and their peers call them.
    String address = env.getOrDefault("FLOTILLA_SERVICES_ADDRESS", "127.0.0.1").strip();
    return services.stream()
        .map(service ->
            service.name().equals("gateway") ? service : service.behindTheGateway(address))
        .toList();
  }

  /** One instance is the gateway's default list; more replace it with one entry per replica. */
  private static List<String> instances(String service, List<Integer> ports) {
    if (ports.size() == 1) {
      return List.of("--flotilla.services." + service + "=" + local(ports.getFirst()));
    }
    List<String> args = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      args.add(
          "--spring.cloud.discovery.client.simple.instances."
              + service
              + "["
              + i
              + "].uri="
              + local(ports.get(i)));
    }
    return args;
  }

  private static List<Service> replicas(
      Map<String, String> env, String name, List<Integer> ports, List<String> args) {
    if (ports.size() == 1) {
      int port = ports.getFirst();
      return List.of(new Service(name, port, management(env, name.toUpperCase(), port), args));
    }
    List<Service> replicas = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      int port = ports.get(i);
      String variable = name.toUpperCase() + (i == 0 ? "" : "_" + (i + 1));
      replicas.add(
          new Service(name, name + "-" + (i + 1), port, management(env, variable, port), args));
    }
    return replicas;
  }

  /** {@code MENU_PORT}, then {@code MENU_2_PORT} (default ten above), and so on. */
  private static List<Integer> replicaPorts(
      Map<String, String> env, String service, int defaultPort, int replicas) {
    int first = port(env, service + "_PORT", defaultPort);
    List<Integer> ports = new ArrayList<>(List.of(first));
    for (int n = 2; n <= replicas; n++) {
      ports.add(port(env, service + "_" + n + "_PORT", first + 10 * (n - 1)));
    }
    return ports;
  }

  /** {@code MATH_MANAGEMENT_PORT} (or {@code MENU_2_MANAGEMENT_PORT}), by default 1000 above. */
  private static int management(Map<String, String> env, String instance, int port) {
    String variable = instance + "_MANAGEMENT_PORT";
    if (port + 1000 > 65535 && env.get(variable) == null) {
      throw new IllegalArgumentException(
          variable + " must be given: " + port + " + 1000 is past 65535");
    }
    return port(env, variable, port + 1000);
  }

  private static String local(int port) {
    return "http://localhost:" + port;
  }

  private static List<String> local(List<Integer> ports) {
    return ports.stream().map(Topology::local).toList();
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
