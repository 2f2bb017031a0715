package io.flotilla.users;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * The RSA key that signs tokens, with its public half as a JWK. Its {@code kid} is the RFC 7638
 * thumbprint, so the same key always has the same id and a new key a new one. No key is ever part
 * of the repository: it comes from configuration or is generated on a laptop's first start.
 */
final class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  private final RSAKey jwk;

  private SigningKey(RSAPrivateCrtKey privateKey) {
    RSAPublicKey publicKey = publicHalf(privateKey);
    try {
      this.jwk =
          new RSAKey.Builder(publicKey)
              .privateKey(privateKey)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint()
              .build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot compute the signing key's thumbprint", e);
    }
  }

  /** The configured key when there is one, else the key in the key file, generated if absent. */
  static SigningKey of(UsersProperties properties) {
    if (properties.configuredKey()) {
      SigningKey key = new SigningKey(parse(properties.signingKey(), "flotilla.users.signing-key"));
      log.info("signing key from configuration kid={}", key.id());
      return key;
    }
    return fromFile(properties.keyFile());
  }

  static SigningKey fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        generate(file);
      }
      SigningKey key = new SigningKey(parse(Files.readString(file), file.toString()));
      log.info("signing key from file={} kid={}", file, key.id());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the signing key file " + file, e);
    }
  }

  /**
   * Writes a new key to a file of its own next to the target, owner-only, then links it into place:
   * a second instance starting at the same moment either sees no file or the whole of one, and the
   * one that comes second reads the first's key.
   */
  private static void generate(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp");
    try {
      ownerOnly(temporary);
      Files.writeString(temporary, pem(newKey()), StandardCharsets.US_ASCII);
      try {
        // A hard link appears whole and fails when the name exists (a rename would replace it).
        Files.createLink(file, temporary);
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, file);
      }
      log.info("signing key generated file={}", file);
    } catch (FileAlreadyExistsException e) {
      log.info("signing key written by another instance file={}", file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } else {
      var asFile = file.toFile();
      asFile.setReadable(false, false);
      asFile.setWritable(false, false);
      asFile.setReadable(true, true);
      asFile.setWritable(true, true);
    }
  }

  private static RSAPrivateCrtKey newKey() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot generate RSA keys", e);
    }
  }

  /** The key as PKCS#8 PEM (the JDK has no PEM writer at Java 21). */
  static String pem(RSAPrivateCrtKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * A PEM RSA private key, PKCS#8 or PKCS#1, read by Spring Boot's {@link PemContent}; {@code
   * source} names where it came from in the error.
   */
  static RSAPrivateCrtKey parse(String pem, String source) {
    if (!PemContent.isPresentInText(pem)) {
      throw new IllegalStateException(
          source
              + " is not a PEM private key (\"-----BEGIN PRIVATE KEY-----\" or \"-----BEGIN RSA"
              + " PRIVATE KEY-----\")");
    }
    PrivateKey key;
    try {
      key = PemContent.of(pem).getPrivateKey();
    } catch (RuntimeException e) {
      throw new IllegalStateException(source + " is not a valid PEM private key", e);
    }
    if (key == null) {
      throw new IllegalStateException(source + " holds no private key");
    }
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalStateException(
          source + " must be an RSA key with its CRT parameters, not " + key.getAlgorithm());
    }
    if (crt.getModulus().bitLength() < 2048) {
      throw new IllegalStateException(source + " must be an RSA key of at least 2048 bits");
    }
    return crt;
  }

  private static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot derive the public key", e);
    }
  }

  String id() {
    return jwk.getKeyID();
  }

  /** The key pair as a JWK, for signing. */
  RSAKey jwk() {
    return jwk;
  }

  RSAPublicKey publicKey() {
    try {
      return jwk.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWK Set as JSON-ready maps: never the private parts. */
  Map<String, Object> publicJwkSet() {
    return new JWKSet(jwk.toPublicJWK()).toJSONObject(true);
  }
}
