package io.flotilla.hardware;

import static io.flotilla.testsupport.Http.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flotilla.testsupport.Http;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hardware's writes are private: without a service token for hardware they are refused with a 401
 * problem+json and change nothing; its reads, health and API docs stay open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WritesNeedAServiceTokenTest {

  static final String NO_TOKEN =
      "This endpoint is for Flotilla's services only: send Authorization: Bearer <service token>,"
          + " a token for this service signed with the shared service secret (./flotilla token"
          + " <service> makes one from FLOTILLA_SERVICE_SECRET).";
  static final String BAD_TOKEN =
      "The service token is invalid, has expired, or is for another service.";
  static final String ROW = "{\"provider\":\"Hetzner\",\"name\":\"cx22\"}";

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Test
  void writesWithoutATokenAreRefusedAndChangeNothing() {
    Http anonymous = Http.port(port);
    String before = anonymous.get("/hardware/1").body();

    Http.Answer created = anonymous.post("/hardware/", ROW);
    assertThat(created).isEqualTo(problem(401, "Unauthorized", NO_TOKEN, "/hardware/"));
    assertThat(created.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(anonymous.post("/hardware", ROW))
        .isEqualTo(problem(401, "Unauthorized", NO_TOKEN, "/hardware"));
    assertThat(anonymous.put("/hardware/1", ROW))
        .isEqualTo(problem(401, "Unauthorized", NO_TOKEN, "/hardware/1"));
    assertThat(anonymous.delete("/hardware/1/"))
        .isEqualTo(problem(401, "Unauthorized", NO_TOKEN, "/hardware/1/"));

    assertThat(anonymous.get("/hardware/1").body()).isEqualTo(before);
  }

  @Test
  void aTokenForAnotherServiceOrAUsersTokenIsRefused() throws Exception {
    var key = new RSAKeyGenerator(2048).keyID("users").generate();
    var user =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("users").build(),
            new JWTClaimsSet.Builder()
                .issuer("flotilla-users")
                .subject("alice")
                .audience("hardware")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    user.sign(new RSASSASigner(key));

    assertThat(Http.port(port).as(user.serialize()).post("/hardware/", ROW))
        .isEqualTo(problem(401, "Unauthorized", BAD_TOKEN, "/hardware/"));
    assertThat(Http.port(port).as(ServiceToken.of("search", "tweets")).delete("/hardware/2"))
        .isEqualTo(problem(401, "Unauthorized", BAD_TOKEN, "/hardware/2"));
  }

  @Test
  void aServiceTokenForHardwareWrites() {
    Http operator = Http.port(port).as(ServiceToken.forHardware());

    Http.Answer created =
        operator.post("/hardware/", "{\"provider\":\"Scaleway\",\"name\":\"PLAY2-NANO\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(operator.delete(created.location()).status()).isEqualTo(204);
  }

  @Test
  void theApiDocumentSaysWhichOperationsNeedAServiceToken() {
    String document = Http.port(port).get("/v3/api-docs").body();

    for (String write :
        new String[] {
          "['/hardware'].post", "['/hardware/{id}'].put", "['/hardware/{id}'].delete"
        }) {
      assertThat(JsonPath.<List<Object>>read(document, "$.paths" + write + ".security"))
          .as(write)
          .isEqualTo(List.of(Map.of("serviceToken", List.of())));
      assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths" + write + ".responses"))
          .as(write)
          .containsKey("401");
    }
    assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/hardware'].get"))
        .doesNotContainKey("security");
    assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.securitySchemes"))
        .as("a service token, and no user's login")
        .containsOnlyKeys("serviceToken");
    assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.serviceToken.scheme"))
        .isEqualTo("bearer");
  }

  @Test
  void readsHealthAndDocsStayOpenWithNoSessionAndNoGeneratedPassword() {
    Http anonymous = Http.port(port);

    for (String path : new String[] {"/hardware/", "/hardware", "/hardware/1", "/health"}) {
      Http.Answer answer = anonymous.get(path);
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.header("Set-Cookie")).as(path).isNull();
    }
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    // Spring Security's default user (and the password it prints at start) never comes to be.
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
  }
}
