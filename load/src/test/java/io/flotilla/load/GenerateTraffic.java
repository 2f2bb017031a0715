package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seed 001's traffic generator: a fixed number of random factorial, Fibonacci and Ackermann calls
 * in both URL styles, a few of them invalid (each must answer 400), from a fixed number of
 * concurrent clients, as fast as the system answers. Fills the dashboards with data.
 *
 * <p>{@code -Drequests=20000 -Dconcurrency=15 -DinvalidPercent=2}
 */
public class GenerateTraffic extends Simulation {

  private final int requests = Settings.positive("requests", 20_000);
  private final int concurrency = Settings.positive("concurrency", 15);
  private final double invalidShare = Settings.percent("invalidPercent", 2) / 100.0;

  /** Shared by the clients, so that together they send exactly {@code requests}. */
  private final AtomicInteger sent = new AtomicInteger();

  {
    var traffic =
        scenario("generate traffic")
            .exec(
                asLongAs(session -> sent.getAndIncrement() < requests)
                    .on(MathCalls.call(invalidShare)));

    setUp(traffic.injectOpen(atOnceUsers(concurrency)))
        .protocols(Settings.protocol())
        .assertions(Settings.assertions());
  }
}
