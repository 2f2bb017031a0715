package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * What every simulation reads from system properties: {@code -Dname=value} on the Maven command
 * line, which {@code ./flotilla load} passes on and the Gatling plugin propagates to the
 * simulation.
 */
final class Settings {

  /** Where Flotilla answers: its gateway. */
  static final String URL = System.getProperty("flotilla.url", "http://localhost:8080");

  /**
   * The run fails when more than this share of requests failed (status or body not as expected).
   */
  static final double MAX_ERROR_PERCENT = percent("maxErrorPercent", 1.0);

  private Settings() {}

  static HttpProtocolBuilder protocol() {
    return http.baseUrl(URL)
        .acceptHeader("application/json")
        .userAgentHeader("flotilla-load (Gatling)")
        // Gatling's warm-up request goes to gatling.io, which these machines cannot reach.
        .disableWarmUp();
  }

  /** The same pass mark for every simulation, so that their reports compare. */
  static Assertion[] assertions() {
    return new Assertion[] {
      global().failedRequests().percent().lte(MAX_ERROR_PERCENT),
      // A run that sent nothing has no failures, but it has not shown anything either.
      global().allRequests().count().gt(0L)
    };
  }

  static Duration seconds(String name, int defaultSeconds) {
    return Duration.ofSeconds(positive(name, defaultSeconds));
  }

  static int positive(String name, int defaultValue) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the name of the property.
    }
    throw new IllegalArgumentException(name + " must be a positive integer, got \"" + value + "\"");
  }

  static double percent(String name, double defaultValue) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      double number = Double.parseDouble(value.strip());
      if (number >= 0 && number <= 100) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the name of the property.
    }
    throw new IllegalArgumentException(
        name + " must be a number from 0 to 100, got \"" + value + "\"");
  }
}
