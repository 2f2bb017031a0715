package io.flotilla.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A service instance as the launcher or the process topology starts it.
 *
 * @param name the service's name, also the name of its jar in the services directory
 * @param instance what to call this instance: the name, or {@code menu-2} for a replica
 * @param port the port it listens on
 * @param managementPort the port of its Actuator endpoints (metrics, health, info)
 * @param args command-line properties on top of the ports, e.g. where its peers are
 */
record Service(String name, String instance, int port, int managementPort, List<String> args) {

  Service(String name, int port, int managementPort, List<String> args) {
    this(name, name, port, managementPort, args);
  }

  /**
   * The same service behind the gateway on this machine: it believes the gateway's {@code
   * X-Forwarded-For} about the client (so that the login throttle and heavy work's shares count
   * clients, not the gateway) and, unless the address is empty, listens on that address only.
   */
  Service behindTheGateway(String address) {
    List<String> behind = new ArrayList<>(args);
    behind.add("--flotilla.trusted-proxies=127.0.0.1,::1");
    if (!address.isEmpty()) {
      behind.add("--server.address=" + address);
    }
    return new Service(name, instance, port, managementPort, List.copyOf(behind));
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** The arguments the service's main method gets, in one process or in its own. */
  List<String> commandLine() {
    List<String> line = new ArrayList<>();
    line.add("--server.port=" + port);
    line.add("--management.server.port=" + managementPort);
    // One banner per service would scroll the start-up past the screen.
    line.add("--spring.main.banner-mode=off");
    line.addAll(args);
    return line;
  }
}
