package io.flotilla.lunch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.lunch.Restaurants.Restaurant;
import java.util.List;

/**
 * The wire contract of the original API, keys in its order (Flask's jsonify sorted them). Every
 * body carries the URL it was asked at, as the original's {@code url_for(..., _external=True)}.
 */
final class LunchBodies {

  private LunchBodies() {}

  /** {@code GET /api/}. */
  record Entities(List<String> entities, String url) {
    static Entities of(String url) {
      return new Entities(List.of("restaurant"), url);
    }
  }

  /** {@code GET /api/restaurant}. */
  record RestaurantList(List<Restaurant> restaurants, String url) {}

  /** {@code GET /api/restaurant/{identifier}}. */
  record RestaurantAnswer(Menu restaurant, String url) {}

  /** One restaurant with today's dishes, under the original's names for its fields. */
  record Menu(
      String location,
      @JsonProperty("map_url") String mapUrl,
      List<Dish> menu,
      String title,
      String url) {

    static Menu of(Restaurant restaurant, List<String> dishes) {
      return new Menu(
          restaurant.region(),
          restaurant.osm(),
          dishes.stream().map(Dish::new).toList(),
          restaurant.name(),
          restaurant.homepage());
    }
  }

  record Dish(String dish) {}
}
