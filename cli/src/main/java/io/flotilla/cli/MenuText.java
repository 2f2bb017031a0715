package io.flotilla.cli;

import io.flotilla.cli.MenuClient.Menu;
import io.flotilla.cli.MenuClient.Restaurant;
import java.util.List;
import java.util.Locale;

/**
 * The text the original Python command printed, byte for byte, typo ("resaurants") and spacing
 * included, so that whatever read it still can. Lines end in "\n" on every platform, as Python's
 * print() did. The one addition is the "Did you mean" line of {@link #notFound}.
 */
final class MenuText {

  private MenuText() {}

  static String restaurantList(List<Restaurant> restaurants) {
    var text = new StringBuilder("Try one of these resaurants:\n\n");
    for (int i = 0; i < restaurants.size(); i++) {
      text.append(numbered(i, restaurants.get(i).name()));
    }
    return text.append("\n").toString();
  }

  /** A restaurant with today's menu; names and links as the list has them, as the original did. */
  static String menu(Restaurant restaurant, Menu menu) {
    var text = new StringBuilder();
    List<String> dishes = menu.dishes();
    if (dishes.isEmpty()) {
      text.append("\n No menu found, check their menu on their webpage:\n")
          .append(restaurant.name())
          .append(" menu:  ")
          .append(restaurant.menuUrl())
          .append("\n");
    } else {
      text.append("\nNice choice! (").append(restaurant.name()).append(") has these dishes:\n\n");
      for (int i = 0; i < dishes.size(); i++) {
        text.append(numbered(i, dishes.get(i)));
      }
      text.append("    ... find more about their menu: ").append(restaurant.menuUrl()).append("\n");
    }
    return text.append("\n To check their home page: ")
        .append(menu.url())
        .append("\n To view their location: ")
        .append(menu.mapUrl())
        .append("\n\n")
        .toString();
  }

  /**
   * The original's apology and list, with the names probably meant in between: "Did you mean: A?",
   * "Did you mean: A or B?", "Did you mean: A, B or C?".
   */
  static String notFound(String query, List<String> suggestions, List<Restaurant> restaurants) {
    var text = new StringBuilder("\nSorry, can't find (").append(query).append(").\n\n");
    if (!suggestions.isEmpty()) {
      text.append("Did you mean: ").append(oneOf(suggestions)).append("?\n\n");
    }
    return text.append(restaurantList(restaurants)).toString();
  }

  /** Python's f"{idx+1:>5}) {text}". */
  private static String numbered(int index, String text) {
    return String.format(Locale.ROOT, "%5d) %s", index + 1, text) + "\n";
  }

  private static String oneOf(List<String> names) {
    int last = names.size() - 1;
    return last == 0
        ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }
}
