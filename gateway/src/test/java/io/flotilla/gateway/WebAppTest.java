package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.FreePorts;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web app's assets, the Swagger UI over every service's document, and the status endpoint the
 * home page reads: math is a stand-in that answers, every other service is a port nothing listens
 * on, but for the second of two search replicas, which is the stand-in too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class WebAppTest {

  static final StandInMath math = StandInMath.start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", math::url);
    String nobody = "http://localhost:" + FreePorts.next();
    for (String service : new String[] {"menu", "portal", "users", "tweets", "search"}) {
      registry.add("flotilla.services." + service, () -> nobody);
    }
    // Two search replicas: one answers, one is gone.
    registry.add("spring.cloud.discovery.client.simple.instances.search[0].uri", () -> nobody);
    registry.add("spring.cloud.discovery.client.simple.instances.search[1].uri", math::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    math.close();
  }

  @Autowired WebTestClient client;

  @Test
  void homePageIsTheAppShellRevalidatedOnEveryUse() {
    var page =
        client
            .get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader()
            .cacheControl(CacheControl.noCache())
            .expectBody(String.class)
            .returnResult();

    assertThat(page.getResponseBody())
        .contains("<script type=\"module\" src=\"/js/app.js\"></script>")
        .contains("<main id=\"main\"");
    String lastModified = page.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
    assertThat(lastModified).isNotNull();

    client
        .head()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    client
        .get()
        .uri("/")
        .ifModifiedSince(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME))
        .exchange()
        .expectStatus()
        .isNotModified();
  }

  @Test
  void pagesAllowOnlyThisOriginsScriptsAndStylesAndAreNeverFramed() {
    client
        .get()
        .uri("/")
        .exchange()
        .expectHeader()
        .valueEquals(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'")
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY")
        .expectHeader()
        .valueEquals("Referrer-Policy", "same-origin");
  }

  @Test
  void everyAnswerIsNeverSniffedEvenAnErrorOrAProxiedOne() {
    for (String path : new String[] {"/app.css", "/js/app.js", "/factorial?n=5", "/nope"}) {
      client
          .get()
          .uri(path)
          .exchange()
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader()
          .valueEquals("Referrer-Policy", "same-origin")
          .expectHeader()
          .doesNotExist("Content-Security-Policy");
    }
  }

  @Test
  void modulesAreServedAsJavaScriptAndRevalidated() {
    for (String module :
        new String[] {"app", "api", "dom", "session", "home", "math", "menus", "microblog"}) {
      client
          .get()
          .uri("/js/" + module + ".js")
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
          .expectHeader()
          .cacheControl(CacheControl.noCache());
    }
    client
        .get()
        .uri("/app.css")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith("text/css");
  }

  @Test
  void unknownAssetIsA404Problem() {
    client
        .get()
        .uri("/js/nope.js")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void swaggerUiListsEveryPublicServicesDocument() {
    client
        .get()
        .uri("/swagger-ui.html")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .value(
            HttpHeaders.LOCATION,
            location -> assertThat(location).endsWith("/swagger-ui/index.html"));
    client
        .get()
        .uri("/swagger-ui/index.html")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    client
        .get()
        .uri("/v3/api-docs/gateway/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.urls[*].name")
        .value(names ->
            assertThat(names)
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("math", "menu", "users", "tweets", "search", "gateway"))
        .jsonPath("$.urls[?(@.name == 'tweets')].url")
        .isEqualTo(List.of("/v3/api-docs/tweets"))
        .jsonPath("$['urls.primaryName']")
        .isEqualTo("math");
  }

  @Test
  void aServicesDocumentIsFetchedThroughItsRoute() {
    client
        .get()
        .uri("/v3/api-docs/math")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.info.title")
        .isEqualTo("Flotilla math")
        .jsonPath("$.servers[0].url")
        .isEqualTo("/");
  }

  @Test
  void gatewaysOwnDocumentDescribesTheStatusEndpoint() {
    client
        .get()
        .uri("/v3/api-docs/gateway")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/v1/status'].get.summary")
        .isEqualTo("Whether each service behind the gateway is ready");
  }

  @Test
  void statusNamesEachServiceAndWhichCannotBeReached() {
    client
        .get()
        .uri("/api/v1/status")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("DEGRADED")
        .jsonPath("$.services[*].name")
        .isEqualTo(List.of("math", "menu", "portal", "search", "tweets", "users"))
        .jsonPath("$.services[0].status")
        .isEqualTo("UP")
        .jsonPath("$.services[1].status")
        .isEqualTo("UNREACHABLE")
        .jsonPath("$.services[1].detail")
        .isEqualTo("cannot be reached")
        .jsonPath("$.services[3].status")
        .isEqualTo("UP")
        .jsonPath("$.services[3].detail")
        .isEqualTo("1 of 2 instances ready");
  }
}
