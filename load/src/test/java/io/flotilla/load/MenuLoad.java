package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * Seed 002's load test: 20 connections for 28 s against the caching relay, through the gateway.
 * Mostly one restaurant's menu (a random one of the 13), sometimes the list, back to back.
 *
 * <p>{@code -Dusers=20 -Dduration=28}
 */
public class MenuLoad extends Simulation {

  {
    var menu =
        scenario("menu")
            .exec(
                during(Settings.seconds("duration", 28))
                    .on(
                        randomSwitch()
                            .on(
                                percent(90.0).then(MenuCalls.restaurant()),
                                percent(10.0).then(MenuCalls.list()))));

    setUp(menu.injectOpen(atOnceUsers(Settings.positive("users", 20))))
        .protocols(Settings.protocol())
        .assertions(Settings.assertions());
  }
}
