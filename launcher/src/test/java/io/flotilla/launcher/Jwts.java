package io.flotilla.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWTs made by hand, as an attacker makes them: any header, any claims, any key or none. */
final class Jwts {

  private Jwts() {}

  /** The users service's signing key, from its data directory (the laptop default keeps it). */
  static PrivateKey signingKey(Path dataDir) throws IOException, GeneralSecurityException {
    String pem = Files.readString(dataDir.resolve(Path.of("users", "signing-key.pem")));
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  static PrivateKey anotherKey() throws GeneralSecurityException {
    return KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
  }

  /** The claims the users service writes, with these values; an account id unless told not. */
  static String claims(String subject, long issued, long expires, String issuer, boolean account) {
    return "{\"iss\":\"%s\",\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"hostile\"%s}"
        .formatted(
            issuer,
            subject,
            issued,
            expires,
            account ? ",\"account\":\"00000000-0000-0000-0000-000000000001\"" : "");
  }

  static String rs256Header(String keyId) {
    return "{\"kid\":\"" + keyId.replace("\"", "\\\"") + "\",\"typ\":\"JWT\",\"alg\":\"RS256\"}";
  }

  /** A service token's claims: from one service, for another, expiring then. */
  static String serviceClaims(String from, String to, long expires) {
    return "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d}"
        .formatted(from, from, to, expires);
  }

  /** This header and payload, signed HMAC-SHA256 with a secret of the attacker's guessing. */
  static String hs256(String header, String payload, String secret) {
    String content = base64(header) + "." + base64(payload);
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = hmac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
      return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This header and payload, signed SHA256withRSA with {@code key}, or unsigned when null. */
  static String signed(String header, String payload, PrivateKey key) {
    String content = base64(header) + "." + base64(payload);
    if (key == null) {
      return content + ".";
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(content.getBytes(StandardCharsets.US_ASCII));
      return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HS256 with this secret: the old trick of a verifier that takes the algorithm on trust. */
  static String hs256(String payload, String secret) throws GeneralSecurityException {
    String content = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signature = mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
    return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static String decoded(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
