package io.flotilla.users;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key that verifies the tokens, for the services that check them (RFC 7517). */
@RestController
class JwksController {

  private final Map<String, Object> jwkSet;

  JwksController(SigningKey key) {
    this.jwkSet = key.publicJwkSet();
  }

  @GetMapping("/.well-known/jwks.json")
  @Operation(summary = "The public JWK Set: RSA keys with kid, use sig, alg RS256")
  ResponseEntity<Map<String, Object>> jwks() {
    // Verifiers may keep it a while; a new key gets a new kid, which makes them fetch again.
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .contentType(MediaType.APPLICATION_JSON)
        .body(jwkSet);
  }
}
