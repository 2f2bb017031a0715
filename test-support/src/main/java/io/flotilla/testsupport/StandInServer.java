package io.flotilla.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP server of a test's stand-in for another service (the JDK's, one virtual thread per
 * request), on a free port of the address "localhost" resolves to first: the one the service under
 * test will connect to.
 */
public final class StandInServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private StandInServer(String path, HttpHandler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(path, handler);
    server.start();
  }

  /** Serves every request under {@code path} with {@code handler}. */
  public static StandInServer start(String path, HttpHandler handler) {
    return new StandInServer(path, handler);
  }

  /** {@code http://localhost:<port>}. */
  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
