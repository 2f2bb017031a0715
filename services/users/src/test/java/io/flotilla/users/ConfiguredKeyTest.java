package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.flotilla.testsupport.Http;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
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
  void aKeyThatIsNotPkcs8PemIsRefusedWithHowToConvertIt() {
    assertThatThrownBy(() ->
            SigningKey.parse(
                "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----",
                "flotilla.users.signing-key"))
        .hasMessage(
            "flotilla.users.signing-key is not a PKCS#8 PEM private key (\"-----BEGIN PRIVATE"
                + " KEY-----\"); convert a PKCS#1 key with: openssl pkcs8 -topk8 -nocrypt -in"
                + " key.pem");
  }
}
