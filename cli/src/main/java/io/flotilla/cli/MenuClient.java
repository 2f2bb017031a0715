package io.flotilla.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.cli.FlotillaClient.ServerProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asks Flotilla (the gateway's lunch relay, or the lunch service itself) for {@code
 * {base}/restaurant} and {@code {base}/restaurant/{identifier}}. An answer without the fields the
 * command needs is a {@link ServerProblem}.
 */
final class MenuClient {

  private final FlotillaClient flotilla;

  MenuClient(FlotillaClient flotilla) {
    this.flotilla = flotilla;
  }

  List<Restaurant> restaurants() {
    RestaurantList list = flotilla.get("/restaurant", RestaurantList.class);
    if (list.restaurants() == null) {
      throw new ServerProblem(
          flotilla.base() + "/restaurant answered without a \"restaurants\" list");
    }
    return list.restaurants();
  }

  Menu menu(Restaurant restaurant) {
    String path =
        "/restaurant/"
            + URLEncoder.encode(restaurant.identifier(), StandardCharsets.UTF_8)
                .replace("+", "%20");
    RestaurantAnswer answer = flotilla.get(path, RestaurantAnswer.class);
    if (answer.restaurant() == null) {
      throw new ServerProblem(flotilla.base() + path + " answered without a \"restaurant\"");
    }
    return answer.restaurant();
  }

  /** {@code GET /restaurant}. */
  record RestaurantList(List<Restaurant> restaurants) {}

  /** An entry of {@code GET /restaurant}; {@code osm} is the link to its place on the map. */
  record Restaurant(
      String identifier, String name, String region, String homepage, String menuUrl, String osm) {}

  /** {@code GET /restaurant/{identifier}}. */
  record RestaurantAnswer(Menu restaurant) {}

  /** One restaurant with today's dishes, under the original API's names for its fields. */
  record Menu(
      String title,
      String location,
      List<Dish> menu,
      String url,
      @JsonProperty("map_url") String mapUrl) {

    /** The dishes worth showing: the original API sometimes listed blank ones. */
    List<String> dishes() {
      return menu == null
          ? List.of()
          : menu.stream().map(Dish::dish).filter(dish -> dish != null && !dish.isBlank()).toList();
    }
  }

  record Dish(String dish) {}
}
