package io.flotilla.launcher;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * JDK logging (Tomcat's, for one) is one per JVM. Left alone, the first service to start bridges it
 * into its own Logback and every other service's Tomcat lines come out under that service's name.
 * This handler gives each record to the SLF4J bridge of the service whose thread logs it (the
 * thread's context class loader is the service's), so every line names its own service.
 */
final class ServiceLogRouter extends Handler {

  private static final String BRIDGE = "org.slf4j.bridge.SLF4JBridgeHandler";

  private final Map<ClassLoader, Handler> bridges = new ConcurrentHashMap<>();
  private final Handler console = new ConsoleHandler();

  /**
   * Makes this the JDK root logger's only handler. Spring Boot then installs no bridge of its own:
   * it bridges only while the root has at most a console handler.
   */
  static void install() {
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.addHandler(new ServiceLogRouter());
  }

  @Override
  public void publish(LogRecord record) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Handler bridge = loader == null ? console : bridges.computeIfAbsent(loader, this::bridgeOf);
    bridge.publish(record);
  }

  /** The service's own bridge, or the console for a thread of no service (the JDK's own). */
  private Handler bridgeOf(ClassLoader loader) {
    try {
      Class<?> bridge = Class.forName(BRIDGE, true, loader);
      return (Handler) bridge.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError noSlf4jThere) {
      return console;
    }
  }

  @Override
  public void flush() {
    bridges.values().forEach(Handler::flush);
    console.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
