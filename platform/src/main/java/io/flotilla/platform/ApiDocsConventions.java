package io.flotilla.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every service's OpenAPI document follows, so that a client (or Swagger UI's "Try it out")
 * can rely on it: tags name the resource, not the controller class; a path mapped with and without
 * a trailing slash is listed once; the security schemes that operations name are declared (for
 * Swagger UI's Authorize button); every operation that takes input documents its 400 as
 * problem+json, every one secured by a user's token its 401 and 403, every one secured by a service
 * token its 401.
 *
 * <p>An operation names its scheme with {@code @SecurityRequirement(name = "bearer")} (a user's
 * token from users) or {@code @SecurityRequirement(name = "serviceToken")} (a service token, see
 * {@code io.flotilla.platform.credentials}).
 */
final class ApiDocsConventions implements OpenApiCustomizer {

  static final String BEARER = "bearer";
  static final String SERVICE_TOKEN = "serviceToken";
  static final String PROBLEM = "Problem";

  private static final Pattern RESOURCE = Pattern.compile("^/api/v\\d+/([^/{]+)");

  private final String service;
  private final boolean problems;

  /**
   * @param service the application's name: the tag of operations outside {@code /api/vN/}
   * @param problems whether the service answers errors as problem+json (math keeps its own shapes)
   */
  ApiDocsConventions(String service, boolean problems) {
    this.service = service;
    this.problems = problems;
  }

  @Override
  public void customise(OpenAPI api) {
    Paths paths = api.getPaths();
    if (paths == null) {
      return;
    }
    // Mapped twice for clients that add the slash: one entry, the one without it.
    paths.keySet().removeIf(path -> path.endsWith("/") && paths.containsKey(stripSlash(path)));
    paths.forEach((path, item) -> item.readOperations().forEach(op -> tag(path, op)));
    declareSchemes(api);
    if (problems) {
      api.schema(PROBLEM, problemSchema());
      paths.values().stream().flatMap(item -> item.readOperations().stream()).forEach(this::errors);
    }
  }

  /** A user's token: the bearer JWT from users' login. */
  static SecurityScheme bearerScheme() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("JWT")
        .description("A token from POST /api/v1/auth/login (the \"token\" field)");
  }

  /** A service token for this service, as the private endpoints take. */
  static SecurityScheme serviceTokenScheme() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("JWT")
        .description(
            "A service token for this service, signed with the shared service secret:"
                + " ./flotilla token <service> makes one");
  }

  /** Each known scheme that some operation names, and only those. */
  private static void declareSchemes(OpenAPI api) {
    Set<String> named =
        api.getPaths().values().stream()
            .flatMap(item -> item.readOperations().stream())
            .filter(operation -> operation.getSecurity() != null)
            .flatMap(operation -> operation.getSecurity().stream())
            .flatMap(need -> need.keySet().stream())
            .collect(Collectors.toSet());
    Map<String, SecurityScheme> known =
        Map.of(BEARER, bearerScheme(), SERVICE_TOKEN, serviceTokenScheme());
    known.forEach((name, scheme) -> {
      if (named.contains(name)) {
        if (api.getComponents() == null) {
          api.components(new Components());
        }
        api.getComponents().addSecuritySchemes(name, scheme);
      }
    });
  }

  private void tag(String path, Operation operation) {
    List<String> tags = operation.getTags();
    if (tags == null || tags.stream().allMatch(tag -> tag.endsWith("-controller"))) {
      Matcher resource = RESOURCE.matcher(path);
      operation.setTags(List.of(resource.find() ? resource.group(1) : service));
    }
  }

  private void errors(Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    boolean input =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (input) {
      responses.putIfAbsent("400", problem("The input is not valid: `detail` says why"));
    }
    if (needs(operation, BEARER)) {
      responses.putIfAbsent("401", problem("No bearer token, or one that is expired or invalid"));
      responses.putIfAbsent("403", problem("The token's subject may not do this"));
    }
    if (needs(operation, SERVICE_TOKEN)) {
      responses.putIfAbsent(
          "401",
          problem("No service token, or one that is expired, invalid or for another service"));
    }
  }

  private static boolean needs(Operation operation, String scheme) {
    return operation.getSecurity() != null
        && operation.getSecurity().stream().anyMatch(need -> need.containsKey(scheme));
  }

  private static ApiResponse problem(String description) {
    Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
    return new ApiResponse()
        .description(description)
        .content(
            new Content().addMediaType("application/problem+json", new MediaType().schema(ref)));
  }

  /** RFC 9457's members as the platform fills them, with the per-field {@code errors}. */
  private static Schema<?> problemSchema() {
    Schema<?> fieldError =
        new ObjectSchema()
            .addProperty("field", new StringSchema().example("text"))
            .addProperty("message", new StringSchema().example("must be at most 280 characters"));
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("text must be at most 280 characters"))
        .addProperty("instance", new StringSchema().example("/api/v1/tweets"))
        .addProperty("errors", new ArraySchema().items(fieldError));
  }

  private static String stripSlash(String path) {
    return path.substring(0, path.length() - 1);
  }
}
