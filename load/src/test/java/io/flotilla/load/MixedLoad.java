package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A day on Flotilla: {@code rate} visitors arrive every second for {@code duration} seconds (an
 * open model: they keep coming whether or not the system keeps up, as real visitors do). Each does
 * one thing across the systems, a few requests with a pause to read in between:
 *
 * <ul>
 *   <li>40% compute a few numbers, one request in a hundred with a typo;
 *   <li>25% look at the lunch menus;
 *   <li>20% read the microblog: the timeline, a search, someone's tweets;
 *   <li>5% log in and post a tweet;
 *   <li>10% look at the inventory page.
 * </ul>
 *
 * <p>{@code -Drate=10 -Dduration=60}
 */
public class MixedLoad extends Simulation {

  private static final Duration MIN_PAUSE = Duration.ofMillis(100);
  private static final Duration MAX_PAUSE = Duration.ofMillis(1000);

  {
    ChainBuilder mathVisitor = repeat(3).on(MathCalls.call(0.01).pause(MIN_PAUSE, MAX_PAUSE));
    ChainBuilder menuVisitor =
        exec(MenuCalls.list()).pause(MIN_PAUSE, MAX_PAUSE).exec(MenuCalls.restaurant());
    ChainBuilder reader =
        exec(MicroblogCalls.timeline())
            .pause(MIN_PAUSE, MAX_PAUSE)
            .exec(MicroblogCalls.search())
            .pause(MIN_PAUSE, MAX_PAUSE)
            .exec(MicroblogCalls.userTweets());
    ChainBuilder writer =
        exec(MicroblogCalls.logIn())
            .pause(MIN_PAUSE, MAX_PAUSE)
            .exec(MicroblogCalls.post())
            .exec(MicroblogCalls.timeline());

    var visitors =
        scenario("visitors")
            .exec(
                randomSwitch()
                    .on(
                        percent(40.0).then(mathVisitor),
                        percent(25.0).then(menuVisitor),
                        percent(20.0).then(reader),
                        percent(5.0).then(writer),
                        percent(10.0).then(InventoryCalls.page())));

    setUp(
            visitors.injectOpen(
                constantUsersPerSec(Settings.positive("rate", 10))
                    .during(Settings.seconds("duration", 60))))
        .protocols(Settings.protocol())
        .assertions(Settings.assertions());
  }
}
