package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.MenuClient.Restaurant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestaurantMatcherTest {

  static final Restaurant BIKUPAN = restaurant("bikupan", "Restaurang Bikupan");
  static final Restaurant HUBBEN = restaurant("hubben", "Restaurang Hubben");
  static final Restaurant HJULET = restaurant("hjulet", "Restaurang Hjulet");
  static final Restaurant NANNA = restaurant("nanna", "Restaurang Nanna Svartz");
  static final Restaurant GLADA = restaurant("glada", "Den Glada Restaurangen");
  static final Restaurant JONS = restaurant("jons", "Jöns Jacob ");
  static final Restaurant HAGA = restaurant("haga", "Haga gatukök");
  static final Restaurant SVARTA = restaurant("svarta", "Svarta Räfven");

  static final List<Restaurant> ALL =
      List.of(BIKUPAN, GLADA, HAGA, HJULET, HUBBEN, JONS, NANNA, SVARTA);

  @Test
  void normalizingDropsCaseAccentsAndExtraSpaces() {
    assertThat(RestaurantMatcher.normalize("  Jöns \t JACOB ")).isEqualTo("jons jacob");
    assertThat(RestaurantMatcher.normalize("Café Erik Jorpes")).isEqualTo("cafe erik jorpes");
    assertThat(RestaurantMatcher.normalize("Svarta Räfven")).isEqualTo("svarta rafven");
  }

  @Test
  void theExactNameWinsOverANormalizedMatch() {
    var upper = restaurant("upper", "HAGA");
    var lower = restaurant("lower", "haga");

    assertThat(RestaurantMatcher.find(List.of(upper, lower), "haga")).contains(lower);
    assertThat(RestaurantMatcher.find(List.of(upper, lower), "Haga")).contains(upper);
  }

  @Test
  void aNameWinsOverAnIdentifier() {
    var named = restaurant("x", "jons");

    assertThat(RestaurantMatcher.find(List.of(JONS, named), "jons")).contains(named);
  }

  @Test
  void nameAndIdentifierAreFoundWhateverTheCaseAccentsAndSpaces() {
    assertThat(RestaurantMatcher.find(ALL, "jons jacob")).contains(JONS);
    assertThat(RestaurantMatcher.find(ALL, "HAGA  GATUKOK")).contains(HAGA);
    assertThat(RestaurantMatcher.find(ALL, "Hubben")).contains(HUBBEN);
    assertThat(RestaurantMatcher.find(ALL, "hubbe")).isEmpty();
  }

  @Test
  void levenshteinCountsInsertionsDeletionsAndReplacements() {
    assertThat(RestaurantMatcher.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(RestaurantMatcher.distance("", "abc")).isEqualTo(3);
    assertThat(RestaurantMatcher.distance("bikupan", "bikupan")).isZero();
  }

  @Test
  void nearMissesOfANameOrAnIdentifierAreSuggested() {
    assertThat(RestaurantMatcher.suggestions(ALL, "restaurang bikupn"))
        .containsExactly("Restaurang Bikupan");
    assertThat(RestaurantMatcher.suggestions(ALL, "hubbne")).containsExactly("Restaurang Hubben");
    assertThat(RestaurantMatcher.suggestions(ALL, "Restaurang Hubbe"))
        .containsExactly("Restaurang Hubben");
  }

  @Test
  void partOfAFewNamesSuggestsThemButPartOfManySuggestsNone() {
    assertThat(RestaurantMatcher.suggestions(ALL, "svart"))
        .containsExactly("Restaurang Nanna Svartz", "Svarta Räfven");
    assertThat(RestaurantMatcher.suggestions(ALL, "restaurang")).isEmpty();
  }

  @Test
  void somethingUnlikeAnyNameSuggestsNothing() {
    assertThat(RestaurantMatcher.suggestions(ALL, "pizzeria")).isEmpty();
    assertThat(RestaurantMatcher.suggestions(ALL, "   ")).isEmpty();
  }

  private static Restaurant restaurant(String identifier, String name) {
    return new Restaurant(identifier, name, "Solna", "https://home", "https://menu", "https://map");
  }
}
