package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.flotilla.testsupport.Http;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signing key from configuration (a Kubernetes secret): used as given, no key file written. */
class ConfiguredKeyTest {

  @TempDir Path dataDir;

  @Test
  void theConfiguredKeySignsAndIsPublished() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    String pem = SigningKey.pem((RSAPrivateCrtKey) pair.getPrivate());
    String thumbprint =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();

    try (var app =
        new RunningApp(
            "--spring.profiles.active=test",
            "--FLOTILLA_DATA_DIR=" + dataDir,
            "--flotilla.users.signing-key=" + pem)) {
      Http http = app.http();
      RSAKey published = Tokens4Test.jwks(http).getKeys().getFirst().toRSAKey();
      assertThat(published.getKeyID()).isEqualTo(thumbprint);
      assertThat(published.toRSAPublicKey().getModulus())
          .isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
    }
    assertThat(dataDir.resolve("users/signing-key.pem")).doesNotExist();
  }

  @Test
  void aPkcs1KeyIsReadAsTheSameKey() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    // A 2048-bit key's PKCS#8 encoding is 26 bytes of header around its PKCS#1 encoding.
    byte[] pkcs8 = key.getEncoded();
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1)
            + "\n-----END RSA PRIVATE KEY-----\n";

    assertThat(SigningKey.parse(pem, "flotilla.users.signing-key")).isEqualTo(key);
  }

  @Test
  void textThatIsNoPemKeyIsRefusedWithTheFormsAccepted() {
    assertThatThrownBy(() ->
            SigningKey.parse("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "flotilla.users.signing-key"))
        .hasMessage(
            "flotilla.users.signing-key is not a PEM private key (\"-----BEGIN PRIVATE KEY-----\""
                + " or \"-----BEGIN RSA PRIVATE KEY-----\")");
  }
}
