package io.flotilla.lunch;

import io.flotilla.lunch.LunchBodies.Entities;
import io.flotilla.lunch.LunchBodies.Menu;
import io.flotilla.lunch.LunchBodies.RestaurantAnswer;
import io.flotilla.lunch.LunchBodies.RestaurantList;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The original upstream's API: {@code /api/}, {@code /api/restaurant}, {@code
 * /api/restaurant/{identifier}}. Like the original, {@code /api/restaurant/} with a trailing slash
 * is a 404.
 */
@RestController
class LunchController {

  private final Restaurants restaurants;

  LunchController(Restaurants restaurants) {
    this.restaurants = restaurants;
  }

  @GetMapping("/api/")
  Entities entities() {
    return Entities.of(thisUrl());
  }

  @GetMapping("/api/restaurant")
  RestaurantList restaurants() {
    return new RestaurantList(restaurants.all(), thisUrl());
  }

  @GetMapping("/api/restaurant/{identifier}")
  RestaurantAnswer restaurant(@PathVariable String identifier) {
    var restaurant =
        restaurants
            .find(identifier)
            .orElseThrow(() ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No restaurant with identifier " + identifier + "."));
    return new RestaurantAnswer(
        Menu.of(restaurant, restaurants.todaysDishes(restaurant)), thisUrl());
  }

  /**
   * The URL this request was made at, without its query, as the public sees it: the platform's
   * forwarded-headers filter has already applied X-Forwarded-Host/Proto/Port/Prefix.
   */
  private static String thisUrl() {
    return ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUriString();
  }
}
