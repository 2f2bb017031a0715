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

  /** The same service, listening on one address only. */
  Service listeningOn(String address) {
    List<String> withAddress = new ArrayList<>(args);
    withAddress.add("--server.address=" + address);
    return new Service(name, instance, port, managementPort, List.copyOf(withAddress));
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
