package io.flotilla.lunch;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The original upstream's API over real HTTP, byte for byte where its shape is known. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
class LunchApiTest {

  static final String DUFVA =
      "{\"coordinate\":[59.84292,17.64129],\"homepage\":\"http://svendufva.se/\","
          + "\"identifier\":\"dufva\",\"menuUrl\":\"https://matfest.se/veckans-lunch/\","
          + "\"name\":\"Sven Dufva\","
          + "\"osm\":\"https://www.openstreetmap.org/#map=19/59.84298/17.64096\","
          + "\"region\":\"Uppsala\"}";

  /** Monday 8 June 2026, noon in Stockholm. */
  static final Instant MONDAY_NOON = Instant.parse("2026-06-08T10:00:00Z");

  /** Saturday 13 June 2026, noon in Stockholm. */
  static final Instant SATURDAY_NOON = Instant.parse("2026-06-13T10:00:00Z");

  @LocalServerPort int port;

  @Autowired TestClock clock;

  Http http;
  String base;

  @BeforeEach
  void connect() {
    http = Http.port(port);
    base = "http://localhost:" + port;
    clock.set(MONDAY_NOON);
  }

  /** {@code lunch.requests} with one outcome, as Prometheus sees it. */
  static double requests(Http lunch, String outcome) {
    return lunch.scraped("lunch_requests_total", "outcome=\"" + outcome + "\"");
  }

  @Test
  void theRootListsTheEntitiesAndItsOwnUrl() {
    assertThat(http.get("/api/"))
        .isEqualTo(json(200, "{\"entities\":[\"restaurant\"],\"url\":\"" + base + "/api/\"}"));
  }

  @Test
  void theListHasTheThirteenRestaurantsInTheOriginalOrder() {
    Http.Answer list = http.get("/api/restaurant");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.contentType()).isEqualTo("application/json");
    assertThat(list.body())
        .startsWith("{\"restaurants\":[{\"coordinate\":[59.8422,17.63403],")
        .contains("}," + DUFVA + ",{")
        .endsWith("}],\"url\":\"" + base + "/api/restaurant\"}");

    List<Map<String, Object>> restaurants = restaurants(list.body());
    assertThat(restaurants)
        .extracting(entry -> entry.get("identifier"))
        .containsExactly(
            "bikupan", "dufva", "glada", "haga", "hjulet", "hubben", "jons", "jorpes", "livet",
            "nanna", "rudbeck", "svarta", "tallrik");
    assertThat(restaurants)
        .allSatisfy(entry ->
            assertThat(entry.keySet())
                .containsExactly(
                    "coordinate", "homepage", "identifier", "menuUrl", "name", "osm", "region"));
    assertThat(restaurants.get(6).get("name")).isEqualTo("Jöns Jacob ");
    assertThat(restaurants.get(3))
        .containsEntry("name", "Haga gatuk\u00f6k")
        .containsEntry("region", "Solna")
        .containsEntry("coordinate", List.of(59.34941, 18.02116));
    assertThat(restaurants)
        .extracting(entry -> entry.get("region"))
        .containsOnly("Uppsala", "Solna");
  }

  @Test
  void aRestaurantHasTheSampleDishesOfAMonday() {
    assertThat(http.get("/api/restaurant/dufva"))
        .isEqualTo(
            json(
                200,
                "{\"restaurant\":{\"location\":\"Uppsala\","
                    + "\"map_url\":\"https://www.openstreetmap.org/#map=19/59.84298/17.64096\","
                    + "\"menu\":[{\"dish\":\"Kåldolmar med gräddsås och lingon\"},"
                    + "{\"dish\":\"Kolja med räkor och dillsås\"}],"
                    + "\"title\":\"Sven Dufva\",\"url\":\"http://svendufva.se/\"},"
                    + "\"url\":\""
                    + base
                    + "/api/restaurant/dufva\"}"));
  }

  @Test
  void onSaturdayEveryMenuIsEmpty() {
    clock.set(SATURDAY_NOON);

    assertThat(http.get("/api/restaurant/dufva").body())
        .contains("\"menu\":[],\"title\":\"Sven Dufva\"");
    assertThat(http.get("/api/restaurant/bikupan").body())
        .contains("\"menu\":[],\"title\":\"Restaurang Bikupan\"");
  }

  @Test
  void aRestaurantWithoutDishesThatDayHasAnEmptyMenu() {
    // Livet has no sample dishes on Mondays: the CLI's "No menu found" case.
    assertThat(http.get("/api/restaurant/livet"))
        .isEqualTo(
            json(
                200,
                "{\"restaurant\":{\"location\":\"Solna\","
                    + "\"map_url\":\"https://www.openstreetmap.org/#map=19/59.34853/18.02989\","
                    + "\"menu\":[],\"title\":\"Livet [Restaurant]\","
                    + "\"url\":\"https://www.livetbrand.com/har-finns-livet/stockholm-solna/livet-restaurant-solna/\"},"
                    + "\"url\":\""
                    + base
                    + "/api/restaurant/livet\"}"));
  }

  @Test
  void theWeekdayIsStockholmsNotUtcs() {
    // Sunday 22:30 in UTC is already Monday 00:30 in Stockholm.
    clock.set(Instant.parse("2026-06-07T22:30:00Z"));

    assertThat(http.get("/api/restaurant/dufva").body())
        .contains("\"menu\":[{\"dish\":\"Kåldolmar med gräddsås och lingon\"}");
  }

  @Test
  void anUnknownRestaurantIsA404NamingIt() {
    Http.Answer answer = http.get("/api/restaurant/not_a_restaurant_really");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body())
        .contains("\"status\":404")
        .contains("\"detail\":\"No restaurant with identifier not_a_restaurant_really.\"");
  }

  @Test
  void theListWithATrailingSlashIsA404LikeTheOriginal() {
    Http.Answer answer = http.get("/api/restaurant/");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void theUrlIsThePublicOneBehindAProxy() {
    assertThat(
            http.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "menu.example.org")
                .get("/api/restaurant/dufva"))
        .extracting(Http.Answer::body)
        .asString()
        .endsWith(",\"url\":\"https://menu.example.org/api/restaurant/dufva\"}");
    assertThat(
            http.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "example.org:8443")
                .header("X-Forwarded-Prefix", "/lunch")
                .get("/api/"))
        .isEqualTo(
            json(
                200,
                "{\"entities\":[\"restaurant\"],\"url\":\"https://example.org:8443/lunch/api/\"}"));
  }

  @Test
  void theUrlLeavesTheQueryOutLikeTheOriginal() {
    assertThat(http.get("/api/restaurant?lang=sv").body())
        .endsWith(",\"url\":\"" + base + "/api/restaurant\"}");
  }

  @Test
  void everyApiRequestIsCountedByOutcome() {
    double ok = requests(http, "ok");
    double notFound = requests(http, "not_found");

    http.get("/api/");
    http.get("/api/restaurant");
    http.get("/api/restaurant/haga");
    http.get("/api/restaurant/nope");
    http.get("/api/no-such-thing");

    assertThat(requests(http, "ok")).isEqualTo(ok + 3);
    assertThat(requests(http, "not_found")).isEqualTo(notFound + 2);
  }

  @Test
  void healthAndMetricsAreNotCounted() {
    double all = http.scraped("lunch_requests_total");

    assertThat(http.header("Accept", "application/json").get("/health"))
        .isEqualTo(json(200, "{\"status\":\"UP\"}"));
    http.get("/actuator/health");

    assertThat(http.scraped("lunch_requests_total")).isEqualTo(all);
  }

  private static List<Map<String, Object>> restaurants(String body) {
    record Listing(List<Map<String, Object>> restaurants, String url) {}
    return JsonMapper.shared().readValue(body, Listing.class).restaurants();
  }
}
