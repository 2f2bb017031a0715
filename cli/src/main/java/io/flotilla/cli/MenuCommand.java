package io.flotilla.cli;

import io.flotilla.cli.FlotillaClient.ServerProblem;
import io.flotilla.cli.MenuClient.Menu;
import io.flotilla.cli.MenuClient.Restaurant;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla menu [NAME...]}: today's dishes of one restaurant, or the list of restaurants, as
 * the original Python command printed them, or as JSON for scripts.
 */
@Command(
    name = "menu",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = "Today's lunch menu of a restaurant, or the list of restaurants.",
    exitCodeOnInvalidInput = Flotilla.USAGE,
    // A bug, not an answer: kept apart from 1 (not found) and 2 (server problem).
    exitCodeOnExecutionException = Flotilla.SOFTWARE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the menu or the list was shown",
      " 1:no restaurant by that name (the list and any near misses are shown)",
      " 2:Flotilla could not be reached, or answered an error or something not JSON",
      "64:the command line is wrong"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flotilla menu                         the list of restaurants",
      "  flotilla menu restaurang bikupan      case and accents don't matter",
      "  flotilla menu haga gatukok            finds \"Haga gatukök\"",
      "  flotilla menu dufva --json            by identifier, as JSON",
      "  flotilla menu --url http://localhost:8089/api dufva",
      "                                        from the lunch service itself"
    })
final class MenuCommand implements Callable<Integer> {

  static final int NOT_FOUND = 1;
  static final int SERVER_PROBLEM = 2;

  @Parameters(
      paramLabel = "NAME",
      arity = "0..*",
      description =
          "The restaurant's name or identifier; several words are joined with a space."
              + " None: the list.")
  List<String> words;

  @Option(
      names = "--json",
      description =
          "Print one line of JSON: the restaurant with its dishes, the list of restaurants,"
              + " or the error with suggestions when nothing matches.")
  boolean json;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;

  /**
   * @param environment looks up environment variables ({@code FLOTILLA_URL}); {@code
   *     System::getenv} but in tests
   */
  MenuCommand(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    var client = new MenuClient(connection.client(environment));
    PrintWriter out = spec.commandLine().getOut();
    try {
      List<Restaurant> restaurants = client.restaurants();
      String query = words == null ? "" : String.join(" ", words);
      if (query.isBlank()) {
        out.print(json ? MenuJson.list(restaurants) : MenuText.restaurantList(restaurants));
        return 0;
      }
      Optional<Restaurant> found = RestaurantMatcher.find(restaurants, query);
      if (found.isEmpty()) {
        List<String> suggestions = RestaurantMatcher.suggestions(restaurants, query);
        out.print(
            json
                ? MenuJson.notFound(query, suggestions)
                : MenuText.notFound(query, suggestions, restaurants));
        return NOT_FOUND;
      }
      Menu menu = client.menu(found.get());
      out.print(json ? MenuJson.menu(found.get(), menu) : MenuText.menu(found.get(), menu));
      return 0;
    } catch (ServerProblem problem) {
      spec.commandLine().getErr().print("flotilla: " + problem.getMessage() + "\n");
      return SERVER_PROBLEM;
    }
  }
}
