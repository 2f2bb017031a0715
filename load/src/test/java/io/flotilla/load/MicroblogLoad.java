package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * The microblog through the gateway: {@code users} clients each log in once as a demo user, then
 * for {@code duration} seconds post tweets (one request in five), read the public timeline, read a
 * user's tweets and search. Every post stays in the system: run it against a laptop or staging.
 *
 * <p>{@code -Dusers=20 -Dduration=30 -Dmicroblog.users=karina,bob -Dmicroblog.password=...}
 */
public class MicroblogLoad extends Simulation {

  {
    var microblog =
        scenario("microblog")
            .exec(MicroblogCalls.logIn())
            .exec(
                during(Settings.seconds("duration", 30))
                    .on(
                        randomSwitch()
                            .on(
                                percent(20.0).then(MicroblogCalls.post()),
                                percent(40.0).then(MicroblogCalls.timeline()),
                                percent(30.0).then(MicroblogCalls.search()),
                                percent(10.0).then(MicroblogCalls.userTweets()))));

    setUp(microblog.injectOpen(atOnceUsers(Settings.positive("users", 20))))
        .protocols(Settings.protocol())
        .assertions(Settings.assertions());
  }
}
