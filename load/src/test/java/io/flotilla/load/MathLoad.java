package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * The math service through the gateway: {@code users} clients, each on its own keep-alive
 * connection, asking for random valid factorials, Fibonacci and Ackermann numbers in both URL
 * styles back to back for {@code duration} seconds.
 *
 * <p>{@code -Dusers=20 -Dduration=30}
 */
public class MathLoad extends Simulation {

  {
    var math =
        scenario("math").exec(during(Settings.seconds("duration", 30)).on(MathCalls.call(0)));

    setUp(math.injectOpen(atOnceUsers(Settings.positive("users", 20))))
        .protocols(Settings.protocol())
        .assertions(Settings.assertions());
  }
}
