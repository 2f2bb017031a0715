package io.flotilla.cli;

import io.flotilla.cli.MenuClient.Restaurant;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the restaurant a person typed, forgiving what a terminal makes hard: case, accents ("haga
 * gatukok"), stray or missing spaces ("Jöns Jacob " has a trailing one), and the short identifier
 * ("dufva"). When nothing matches, suggests the names that were probably meant.
 */
final class RestaurantMatcher {

  /** Up to this many edits (Levenshtein) from a name or identifier make a near miss. */
  static final int NEAR_MISS_EDITS = 2;

  /** A query inside more names than this says too little to suggest them all. */
  static final int MOST_SUGGESTED_BY_PART = 3;

  private RestaurantMatcher() {}

  /** The exact name first, then the name as {@link #normalize}d, then the identifier. */
  static Optional<Restaurant> find(List<Restaurant> restaurants, String query) {
    String wanted = normalize(query);
    return restaurants.stream()
        .filter(restaurant -> restaurant.name().equals(query))
        .findFirst()
        .or(() -> restaurants.stream().filter(r -> normalize(r.name()).equals(wanted)).findFirst())
        .or(() ->
            restaurants.stream().filter(r -> normalize(r.identifier()).equals(wanted)).findFirst());
  }

  /**
   * The names, in list order, within {@value #NEAR_MISS_EDITS} edits of the query (by name or by
   * identifier) or containing it, the latter only when at most {@value #MOST_SUGGESTED_BY_PART}
   * names do: "restaurang" is part of too many to help.
   */
  static List<String> suggestions(List<Restaurant> restaurants, String query) {
    String wanted = normalize(query);
    if (wanted.isEmpty()) {
      return List.of();
    }
    Predicate<Restaurant> containing = r -> normalize(r.name()).contains(wanted);
    boolean fewContaining =
        restaurants.stream().filter(containing).count() <= MOST_SUGGESTED_BY_PART;
    return restaurants.stream()
        .filter(r ->
            distance(normalize(r.name()), wanted) <= NEAR_MISS_EDITS
                || distance(normalize(r.identifier()), wanted) <= NEAR_MISS_EDITS
                || (fewContaining && containing.test(r)))
        .map(Restaurant::name)
        .toList();
  }

  /**
   * Lower case without accents, trimmed, with every run of spaces as one: " Jöns JACOB " becomes
   * "jons jacob".
   */
  static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .strip()
        .replaceAll("\\s+", " ");
  }

  /** The Levenshtein distance: how many inserted, deleted or replaced characters apart. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
