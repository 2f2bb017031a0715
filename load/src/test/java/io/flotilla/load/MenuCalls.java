package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The menu relay through the gateway: the list of restaurants and one restaurant's menu. */
final class MenuCalls {

  /** The sample lunch API's 13 restaurants (services/lunch restaurants.json). */
  static final List<String> RESTAURANTS =
      List.of(
          "bikupan", "dufva", "glada", "haga", "hjulet", "hubben", "jons", "jorpes", "livet",
          "nanna", "rudbeck", "svarta", "tallrik");

  private MenuCalls() {}

  static ChainBuilder list() {
    return exec(
        http("/restaurant")
            .get("/restaurant")
            .check(status().is(200), cached(), jsonPath("$.restaurants[0].identifier").exists()));
  }

  static ChainBuilder restaurant() {
    return exec(session ->
            session.set(
                "restaurant",
                RESTAURANTS.get(ThreadLocalRandom.current().nextInt(RESTAURANTS.size()))))
        .exec(
            http("/restaurant/{id}")
                .get("/restaurant/#{restaurant}")
                .check(status().is(200), cached(), jsonPath("$.restaurant.title").exists()));
  }

  /** Every good answer of the relay says whether it came from its cache. */
  private static CheckBuilder cached() {
    return header("X-Cache").in("HIT", "MISS", "STALE");
  }
}
