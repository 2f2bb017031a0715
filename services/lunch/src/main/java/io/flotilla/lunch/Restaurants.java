package io.flotilla.lunch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 13 restaurants of the original API ({@code restaurants.json}, its {@code
 * backend/restaurants.json} in file order) and the SAMPLE menus ({@code menus.json}): made-up
 * dishes per restaurant and weekday that stand in for the original's live-scraped menus, which
 * these machines cannot reach. Both files are checked when the service starts, so a typo in them
 * stops it instead of answering wrong menus.
 */
@Component
class Restaurants {

  private static final List<DayOfWeek> WEEKDAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  private final List<Restaurant> all;
  private final Map<String, Restaurant> byIdentifier = new LinkedHashMap<>();
  private final Map<String, Map<DayOfWeek, List<String>>> menus = new LinkedHashMap<>();
  private final Clock clock;
  private final ZoneId zone;

  Restaurants(JsonMapper json, Clock clock, LunchProperties properties) {
    this.clock = clock;
    this.zone = properties.zone();
    this.all =
        List.copyOf(read(json, "restaurants.json", new TypeReference<List<Restaurant>>() {}));
    for (Restaurant restaurant : all) {
      if (byIdentifier.put(restaurant.identifier(), restaurant) != null) {
        throw new IllegalStateException(
            "restaurants.json: identifier " + restaurant.identifier() + " appears twice");
      }
    }
    Map<String, Map<String, List<String>>> sample =
        read(json, "menus.json", new TypeReference<Map<String, Map<String, List<String>>>>() {});
    if (!sample.keySet().equals(byIdentifier.keySet())) {
      throw new IllegalStateException(
          "menus.json must have a menu for exactly the restaurants of restaurants.json "
              + byIdentifier.keySet()
              + ", has "
              + sample.keySet());
    }
    sample.forEach((identifier, week) -> menus.put(identifier, weekdays(identifier, week)));
  }

  /** Every restaurant, in the original's file order. */
  List<Restaurant> all() {
    return all;
  }

  Optional<Restaurant> find(String identifier) {
    return Optional.ofNullable(byIdentifier.get(identifier));
  }

  /** Today's dishes, today being the weekday in the configured zone; none at weekends. */
  List<String> todaysDishes(Restaurant restaurant) {
    DayOfWeek today = clock.instant().atZone(zone).getDayOfWeek();
    return menus.get(restaurant.identifier()).getOrDefault(today, List.of());
  }

  private static Map<DayOfWeek, List<String>> weekdays(
      String identifier, Map<String, List<String>> week) {
    Map<DayOfWeek, List<String>> dishes = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : WEEKDAYS) {
      List<String> ofTheDay = week.get(day.name().toLowerCase(Locale.ROOT));
      if (ofTheDay == null) {
        throw new IllegalStateException(
            "menus.json: "
                + identifier
                + " has no entry for "
                + day.name().toLowerCase(Locale.ROOT)
                + " (an empty list means no menu that day)");
      }
      dishes.put(day, List.copyOf(ofTheDay));
    }
    if (week.size() != WEEKDAYS.size()) {
      throw new IllegalStateException(
          "menus.json: " + identifier + " may list monday to friday only, has " + week.keySet());
    }
    return dishes;
  }

  private static <T> T read(JsonMapper json, String resource, TypeReference<T> type) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * An entry of {@code GET /api/restaurant}. Components in the original's key order (Flask's
   * jsonify sorted them).
   *
   * @param coordinate latitude and longitude
   */
  record Restaurant(
      List<Double> coordinate,
      String homepage,
      String identifier,
      String menuUrl,
      String name,
      String osm,
      String region) {}
}
