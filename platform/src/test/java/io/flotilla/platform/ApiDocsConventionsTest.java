package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conventions every service's OpenAPI document follows, on documents built by hand. */
class ApiDocsConventionsTest {

  @Test
  void tagsNameTheResourceNotTheControllerClass() {
    OpenAPI api =
        document(
            "/api/v1/tweets/{id}", get("tweets-controller"),
            "/factorial", get("query-style-controller"),
            "/restaurant", get("restaurants"));

    new ApiDocsConventions("math", true).customise(api);

    assertThat(api.getPaths().get("/api/v1/tweets/{id}").getGet().getTags())
        .containsExactly("tweets");
    assertThat(api.getPaths().get("/factorial").getGet().getTags()).containsExactly("math");
    assertThat(api.getPaths().get("/restaurant").getGet().getTags())
        .as("a tag the service chose")
        .containsExactly("restaurants");
  }

  @Test
  void aPathMappedWithAndWithoutItsTrailingSlashIsListedOnce() {
    OpenAPI api =
        document(
            "/api/v1/tweets", get("t"),
            "/api/v1/tweets/", get("t"),
            "/fibonacci/{n}/", get("m"));

    new ApiDocsConventions("tweets", true).customise(api);

    assertThat(api.getPaths().keySet()).containsExactly("/api/v1/tweets", "/fibonacci/{n}/");
  }

  @Test
  void inputAndSecuredOperationsDocumentTheirProblems() {
    Operation list = get("t").addParametersItem(new Parameter().name("page").in("query"));
    Operation create =
        new Operation()
            .requestBody(new RequestBody())
            .addSecurityItem(new SecurityRequirement().addList(ApiDocsConventions.BEARER))
            .responses(new ApiResponses().addApiResponse("201", new ApiResponse()));
    OpenAPI api = document("/api/v1/tweets", new PathItem().get(list).post(create));

    new ApiDocsConventions("tweets", true).customise(api);

    assertThat(list.getResponses()).containsOnlyKeys("200", "400");
    assertThat(create.getResponses()).containsOnlyKeys("201", "400", "401", "403");
    assertThat(create.getResponses().get("401").getContent())
        .containsOnlyKeys("application/problem+json");
    assertThat(api.getComponents().getSecuritySchemes())
        .containsOnlyKeys(ApiDocsConventions.BEARER);
    assertThat(api.getComponents().getSchemas().get(ApiDocsConventions.PROBLEM).getProperties())
        .containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
  }

  @Test
  void anOperationForServicesDocumentsItsSchemeAndItsOneRefusal() {
    Operation read = get("hardware");
    Operation write =
        new Operation()
            .requestBody(new RequestBody())
            .addSecurityItem(new SecurityRequirement().addList(ApiDocsConventions.SERVICE_TOKEN))
            .responses(new ApiResponses().addApiResponse("201", new ApiResponse()));
    OpenAPI api = document("/hardware", new PathItem().get(read).post(write));

    new ApiDocsConventions("hardware", true).customise(api);

    assertThat(write.getResponses()).containsOnlyKeys("201", "400", "401");
    assertThat(read.getResponses()).containsOnlyKeys("200");
    assertThat(api.getComponents().getSecuritySchemes())
        .as("only the schemes an operation names")
        .containsOnlyKeys(ApiDocsConventions.SERVICE_TOKEN);
    SecurityScheme scheme =
        api.getComponents().getSecuritySchemes().get(ApiDocsConventions.SERVICE_TOKEN);
    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(scheme.getScheme()).isEqualTo("bearer");
    assertThat(scheme.getDescription()).contains("./flotilla token");
  }

  @Test
  void aDocumentWithoutSecuredOperationsDeclaresNoScheme() {
    OpenAPI api = document("/factorial", get("m"));

    new ApiDocsConventions("math", false).customise(api);

    assertThat(api.getComponents()).isNull();
  }

  @Test
  void aServiceWithErrorShapesOfItsOwnGetsNoProblemResponses() {
    Operation factorial = get("m").addParametersItem(new Parameter().name("n").in("query"));
    OpenAPI api = document("/factorial", new PathItem().get(factorial));

    new ApiDocsConventions("math", false).customise(api);

    assertThat(factorial.getResponses()).containsOnlyKeys("200");
  }

  private static Operation get(String tag) {
    return new Operation()
        .tags(List.of(tag))
        .responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
  }

  private static OpenAPI document(String path, PathItem item) {
    return new OpenAPI().paths(new Paths().addPathItem(path, item));
  }

  private static OpenAPI document(Object... pathsAndGets) {
    Paths paths = new Paths();
    for (int i = 0; i < pathsAndGets.length; i += 2) {
      var get = (Operation) pathsAndGets[i + 1];
      paths.addPathItem((String) pathsAndGets[i], new PathItem().get(get));
    }
    return new OpenAPI().paths(paths);
  }
}
