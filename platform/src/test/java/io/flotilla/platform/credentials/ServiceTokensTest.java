package io.flotilla.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.flotilla.testsupport.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

  final TestClock clock = new TestClock();
  final ServiceTokens tokens =
      new ServiceTokens(
          "search",
          ServiceSecret.key("a shared secret of more than thirty-two bytes"),
          Duration.ofMinutes(5),
          clock);

  @Test
  void aTokenNamesItsIssuerAndAudienceAndLastsTheTtl() throws Exception {
    var claims = SignedJWT.parse(tokens.forService("tweets").orElseThrow()).getJWTClaimsSet();

    assertThat(claims.getIssuer()).isEqualTo("search");
    assertThat(claims.getSubject()).isEqualTo("search");
    assertThat(claims.getAudience()).isEqualTo(List.of("tweets"));
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
  }

  @Test
  void aTokenIsUsedAgainUntilHalfItsLifeHasPassed() {
    String first = tokens.forService("tweets").orElseThrow();

    clock.advance(Duration.ofSeconds(149));
    assertThat(tokens.forService("tweets")).contains(first);
    assertThat(tokens.forService("hardware")).isNotEqualTo(Optional.of(first));

    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.forService("tweets")).isPresent().isNotEqualTo(Optional.of(first));
  }

  @Test
  void withoutASecretThereIsNoToken() {
    var none = new ServiceTokens("search", Optional.empty(), Duration.ofMinutes(5), clock);

    assertThat(none.forService("tweets")).isEmpty();
  }
}
