package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.Cli.Run;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code flotilla menu} against the real lunch service over real HTTP, byte for byte. */
class MenuCommandTest {

  static final String LIST =
      """
      Try one of these resaurants:

          1) Restaurang Bikupan
          2) Sven Dufva
          3) Den Glada Restaurangen
          4) Haga gatukök
          5) Restaurang Hjulet
          6) Restaurang Hubben
          7) Jöns Jacob\s
          8) Café Erik Jorpes
          9) Livet [Restaurant]
         10) Restaurang Nanna Svartz
         11) Bistro Rudbeck
         12) Svarta Räfven
         13) Tallriket

      """;

  static final String BIKUPAN_ON_MONDAY =
      """

      Nice choice! (Restaurang Bikupan) has these dishes:

          1) Köttbullar med gräddsås, potatismos och rårörda lingon
          2) Ugnsbakad torsk med äggsås och dill
          3) Vegetarisk linsgryta med kokos och ris
          ... find more about their menu: https://www.hors.se/uppsala/17/3/restaurang-bikupan/

       To check their home page: https://www.hors.se/uppsala/17/3/restaurang-bikupan/
       To view their location: https://www.openstreetmap.org/#map=18/59.84186/17.63407

      """;

  static final String HAGA_ON_MONDAY =
      """

      Nice choice! (Haga gatukök) has these dishes:

          1) Hamburgare med pommes frites
          2) Varmkorv med mos och räksallad
          ... find more about their menu: http://orenib.se/haga_gk2.pdf

       To check their home page: http://orenib.se/haga_gk2.pdf
       To view their location: https://www.openstreetmap.org/#map=19/59.34931/18.02095

      """;

  static final LunchServer lunch = LunchServer.start();

  final String url = lunch.base();

  @BeforeEach
  void monday() {
    lunch.today(LunchServer.MONDAY_NOON);
  }

  @Test
  void withoutANameTheRestaurantsAreListed() {
    assertThat(Cli.run("menu", "--url", url)).isEqualTo(new Run(0, LIST, ""));
  }

  @Test
  void aRestaurantByItsExactNameShowsTodaysDishesAndLinks() {
    assertThat(Cli.run("menu", "--url", url, "Restaurang Bikupan"))
        .isEqualTo(new Run(0, BIKUPAN_ON_MONDAY, ""));
  }

  @Test
  void severalWordsAreJoinedIntoOneName() {
    assertThat(Cli.run("menu", "--url", url, "Restaurang", "Bikupan"))
        .isEqualTo(new Run(0, BIKUPAN_ON_MONDAY, ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"restaurang bikupan", "RESTAURANG  BIKUPAN", " Restaurang Bikupan ", "bikupan"})
  void caseSpacesAndTheIdentifierDoNotMatter(String name) {
    assertThat(Cli.run("menu", "--url", url, name)).isEqualTo(new Run(0, BIKUPAN_ON_MONDAY, ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Haga gatukök", "haga gatukok", "HAGA GATUKÖK", "haga"})
  void accentsDoNotMatter(String name) {
    assertThat(Cli.run("menu", "--url", url, name)).isEqualTo(new Run(0, HAGA_ON_MONDAY, ""));
  }

  @Test
  void aNameWithATrailingSpaceInTheDataIsFoundWithoutIt() {
    Run run = Cli.run("menu", "--url", url, "jons", "jacob");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).startsWith("\nNice choice! (Jöns Jacob ) has these dishes:\n\n");
  }

  @Test
  void atTheWeekendThereIsNoMenuAndTheMenuPageIsShown() {
    lunch.today(LunchServer.SATURDAY_NOON);

    assertThat(Cli.run("menu", "--url", url, "dufva"))
        .isEqualTo(
            new Run(
                0,
                """

                 No menu found, check their menu on their webpage:
                Sven Dufva menu:  https://matfest.se/veckans-lunch/

                 To check their home page: http://svendufva.se/
                 To view their location: https://www.openstreetmap.org/#map=19/59.84298/17.64096

                """,
                ""));
  }

  @Test
  void anUnknownNameIsApologisedForAndTheListShown() {
    assertThat(Cli.run("menu", "--url", url, "Pizzeria"))
        .isEqualTo(new Run(1, "\nSorry, can't find (Pizzeria).\n\n" + LIST, ""));
  }

  @Test
  void aNearMissSuggestsTheNameProbablyMeant() {
    assertThat(Cli.run("menu", "--url", url, "Restaurang", "Bikupn"))
        .isEqualTo(
            new Run(
                1,
                "\nSorry, can't find (Restaurang Bikupn).\n\n"
                    + "Did you mean: Restaurang Bikupan?\n\n"
                    + LIST,
                ""));
  }

  @Test
  void partOfAFewNamesSuggestsThemAll() {
    assertThat(Cli.run("menu", "--url", url, "svart").out())
        .startsWith(
            "\nSorry, can't find (svart).\n\n"
                + "Did you mean: Restaurang Nanna Svartz or Svarta Räfven?\n\n");
  }

  @Test
  void jsonOfARestaurantHasItsDishesAndLinks() {
    assertThat(Cli.run("menu", "--url", url, "--json", "haga", "gatukok"))
        .isEqualTo(
            new Run(
                0,
                "{\"name\":\"Haga gatukök\",\"identifier\":\"haga\",\"region\":\"Solna\","
                    + "\"dishes\":[\"Hamburgare med pommes frites\","
                    + "\"Varmkorv med mos och räksallad\"],"
                    + "\"menuUrl\":\"http://orenib.se/haga_gk2.pdf\","
                    + "\"homepage\":\"http://orenib.se/haga_gk2.pdf\","
                    + "\"map\":\"https://www.openstreetmap.org/#map=19/59.34931/18.02095\"}\n",
                ""));
  }

  @Test
  void jsonAtTheWeekendHasNoDishes() {
    lunch.today(LunchServer.SATURDAY_NOON);

    assertThat(Cli.run("menu", "--url", url, "--json", "dufva").out())
        .contains("\"region\":\"Uppsala\",\"dishes\":[],\"menuUrl\":");
  }

  @Test
  void jsonWithoutANameIsTheListOfRestaurants() {
    Run run = Cli.run("menu", "--url", url, "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(
            "[{\"name\":\"Restaurang Bikupan\",\"identifier\":\"bikupan\",\"region\":\"Uppsala\","
                + "\"menuUrl\":\"https://www.hors.se/uppsala/17/3/restaurang-bikupan/\","
                + "\"homepage\":\"https://www.hors.se/uppsala/17/3/restaurang-bikupan/\","
                + "\"map\":\"https://www.openstreetmap.org/#map=18/59.84186/17.63407\"},"
                + "{\"name\":\"Sven Dufva\",")
        .contains("{\"name\":\"Jöns Jacob \",\"identifier\":\"jons\",")
        .endsWith(
            "{\"name\":\"Tallriket\",\"identifier\":\"tallrik\",\"region\":\"Uppsala\","
                + "\"menuUrl\":\"https://eurest.mashie.com/public/menu/ulls+restaurang/f2caeaeb"
                + "?country=se\","
                + "\"homepage\":\"https://www.compass-group.se/MatDryck/Restauranger/uppsala/"
                + "tallriket/\","
                + "\"map\":\"https://www.openstreetmap.org/#map=19/59.84248/17.64046\"}]\n");
    assertThat(run.out().split("\\{\"name\"")).hasSize(14);
  }

  @Test
  void jsonOfAnUnknownNameIsTheErrorWithSuggestions() {
    assertThat(Cli.run("menu", "--url", url, "--json", "bikupa"))
        .isEqualTo(
            new Run(
                1,
                "{\"error\":\"not found\",\"query\":\"bikupa\","
                    + "\"suggestions\":[\"Restaurang Bikupan\"]}\n",
                ""));
    assertThat(Cli.run("menu", "--url", url, "--json", "Pizzeria"))
        .isEqualTo(
            new Run(
                1, "{\"error\":\"not found\",\"query\":\"Pizzeria\",\"suggestions\":[]}\n", ""));
  }

  @Test
  void theServerIsTakenFromFlotillaUrl() {
    assertThat(Cli.run(Map.of("FLOTILLA_URL", url), "menu", "bikupan"))
        .isEqualTo(new Run(0, BIKUPAN_ON_MONDAY, ""));
  }

  @Test
  void theUrlOptionWinsOverFlotillaUrl() {
    assertThat(Cli.run(Map.of("FLOTILLA_URL", "http://localhost:1"), "menu", "--url", url))
        .isEqualTo(new Run(0, LIST, ""));
  }

  @Test
  void aTrailingSlashOnTheUrlIsTolerated() {
    assertThat(Cli.run("menu", "--url", url + "/", "bikupan"))
        .isEqualTo(new Run(0, BIKUPAN_ON_MONDAY, ""));
  }
}
