package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.flotilla.testsupport.Http;
import java.text.ParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logging in and checking tokens the way another service would: with the JWKS over HTTP. */
final class Tokens4Test {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Tokens4Test() {}

  static String login(Http http, String username, String password) {
    Http.Answer answer =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("access_token").asString();
  }

  static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  /** The token, parsed, after its signature was verified with the key the JWKS names by kid. */
  static SignedJWT verified(Http http, String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = jwks(http).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature verifies").isTrue();
    return jwt;
  }

  static JWKSet jwks(Http http) throws ParseException {
    Http.Answer answer = http.get("/.well-known/jwks.json");
    assertThat(answer.status()).isEqualTo(200);
    return JWKSet.parse(answer.body());
  }
}
