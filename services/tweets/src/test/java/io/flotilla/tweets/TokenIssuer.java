package io.flotilla.tweets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the users service's side of the token contract: an RSA key whose public half is
 * served as a JWK Set over real HTTP, and tokens minted the way users mints them (RS256, kid,
 * iss/sub/iat/exp/jti/account). One per test JVM.
 */
final class TokenIssuer {

  static final TokenIssuer USERS = new TokenIssuer();

  private final RSAKey key = generate();
  // Another key under the same kid: a token it signs looks right but fails the signature check.
  private final RSAKey impostor = generate();
  private final HttpServer server;
  private final AtomicInteger keySetFetches = new AtomicInteger();

  private TokenIssuer() {
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          keySetFetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    server.start();
  }

  /** Where the stand-in answers, as the users service's URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A good token for this user, valid for an hour; the same name always has the same account. */
  String token(String username) {
    return sign(key, "flotilla-users", username, Instant.now().plus(Duration.ofHours(1)));
  }

  /** A good token for this user of this account: e.g. a later account that took a lost name. */
  String token(String username, String account) {
    return sign(key, "flotilla-users", username, account, Instant.now().plus(Duration.ofHours(1)));
  }

  /** A token as users minted them before accounts had ids. */
  String withoutAccount(String username) {
    return sign(key, "flotilla-users", username, null, Instant.now().plus(Duration.ofHours(1)));
  }

  static String accountOf(String username) {
    return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
  }

  String expired(String username) {
    return sign(key, "flotilla-users", username, Instant.now().minus(Duration.ofHours(1)));
  }

  String fromIssuer(String issuer, String username) {
    return sign(key, issuer, username, Instant.now().plus(Duration.ofHours(1)));
  }

  /** How often the key set was fetched, by every test in this JVM so far. */
  int keySetFetches() {
    return keySetFetches.get();
  }

  /** Signed by a key under a kid the key set does not have, as a rotated or forged key would. */
  String withUnknownKid(String username, String kid) {
    return sign(
        impostor,
        kid,
        "flotilla-users",
        username,
        accountOf(username),
        Instant.now().plus(Duration.ofHours(1)));
  }

  String signedByAnotherKey(String username) {
    return sign(impostor, "flotilla-users", username, Instant.now().plus(Duration.ofHours(1)));
  }

  /** A good token for one user whose payload was then rewritten to name another. */
  String tampered(String username, String claimed) {
    String[] parts = token(username).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"sub\":\"" + username + "\"", "\"sub\":\"" + claimed + "\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private static String sign(RSAKey signer, String issuer, String subject, Instant expires) {
    return sign(signer, issuer, subject, accountOf(subject), expires);
  }

  private static String sign(
      RSAKey signer, String issuer, String subject, String account, Instant expires) {
    return sign(signer, "users-1", issuer, subject, account, expires);
  }

  private static String sign(
      RSAKey signer, String kid, String issuer, String subject, String account, Instant expires) {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .claim("account", account)
            .issueTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    try {
      jwt.sign(new RSASSASigner(signer));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("users-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
