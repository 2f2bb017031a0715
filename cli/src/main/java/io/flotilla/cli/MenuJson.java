package io.flotilla.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flotilla.cli.MenuClient.Menu;
import io.flotilla.cli.MenuClient.Restaurant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code flotilla menu --json} prints: one line of JSON each, for jq and friends, with the
 * same field names for a restaurant in the list and a restaurant with its menu.
 */
final class MenuJson {

  private MenuJson() {}

  static String list(List<Restaurant> restaurants) {
    return write(restaurants.stream().map(Entry::listed).toList());
  }

  static String menu(Restaurant restaurant, Menu menu) {
    return write(
        new Entry(
            restaurant.name(),
            restaurant.identifier(),
            restaurant.region(),
            menu.dishes(),
            restaurant.menuUrl(),
            menu.url(),
            menu.mapUrl()));
  }

  static String notFound(String query, List<String> suggestions) {
    return write(new NotFound("not found", query, suggestions));
  }

  private static String write(Object body) {
    return JsonMapper.shared().writeValueAsString(body) + "\n";
  }

  /** A restaurant; {@code dishes} only when its menu was asked for. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      String name,
      String identifier,
      String region,
      List<String> dishes,
      String menuUrl,
      String homepage,
      String map) {

    /** As in the list, without dishes. */
    static Entry listed(Restaurant restaurant) {
      return new Entry(
          restaurant.name(),
          restaurant.identifier(),
          restaurant.region(),
          null,
          restaurant.menuUrl(),
          restaurant.homepage(),
          restaurant.osm());
    }
  }

  record NotFound(String error, String query, List<String> suggestions) {}
}
