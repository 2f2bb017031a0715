package io.flotilla.platform.work;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many pieces of heavy work each client has running or waiting. A client's count disappears
 * when it drops to zero, so memory follows the clients active now, not every address ever seen
 * (Resilience4j's bulkheads have no per-key form, and a registry of one per address never shrinks).
 */
final class ClientShares {

  private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();
  private final int perClient;

  ClientShares(int perClient) {
    this.perClient = perClient;
  }

  /** Takes one of the client's places, unless it holds all of them. */
  boolean enter(String client) {
    boolean[] entered = {false};
    held.compute(
        client,
        (key, count) -> {
          int current = count == null ? 0 : count;
          if (current >= perClient) {
            return count;
          }
          entered[0] = true;
          return current + 1;
        });
    return entered[0];
  }

  void leave(String client) {
    held.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
  }

  int held(String client) {
    return held.getOrDefault(client, 0);
  }
}
