package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * The public inventory page through the gateway: {@code users} clients asking for {@code /portal/}
 * back to back for {@code duration} seconds. The first page after a start waits for hardware's
 * availability check (about 5 s); the rest come from its cache.
 *
 * <p>{@code -Dusers=20 -Dduration=30}
 */
public class InventoryLoad extends Simulation {

  {
    var inventory =
        scenario("inventory")
            .exec(during(Settings.seconds("duration", 30)).on(InventoryCalls.page()));

    setUp(inventory.injectOpen(atOnceUsers(Settings.positive("users", 20))))
        .protocols(Settings.protocol())
        .assertions(Settings.assertions());
  }
}
