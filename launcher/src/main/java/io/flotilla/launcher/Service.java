package io.flotilla.launcher;

import java.util.List;

/**
 * A service as the launcher starts it.
 *
 * @param name the service's name, also the name of its jar in the services directory
 * @param port the port it listens on
 * @param args command-line properties on top of the port, e.g. where its peers are
 */
record Service(String name, int port, List<String> args) {

  String url() {
    return "http://localhost:" + port;
  }
}
