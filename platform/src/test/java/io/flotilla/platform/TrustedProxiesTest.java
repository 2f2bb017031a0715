package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies gateway = TrustedProxies.of(List.of("127.0.0.1", "::1"));

  @Test
  void trustingNoneTakesTheConnectionsAddressWhateverTheHeaderSays() {
    assertThat(TrustedProxies.NONE.clientOf("203.0.113.7", List.of("198.51.100.1")))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void aTrustedProxyIsBelievedAboutTheHopBeforeIt() {
    assertThat(gateway.clientOf("127.0.0.1", List.of("127.0.0.2"))).isEqualTo("127.0.0.2");
    assertThat(gateway.clientOf("0:0:0:0:0:0:0:1", List.of("2001:db8::7")))
        .isEqualTo("2001:db8::7");
  }

  @Test
  void whatAClientWroteBeforeTheTrustedHopsIsNotBelieved() {
    // The client at 127.0.0.2 claimed to be 198.51.100.1; the gateway appended what it saw.
    assertThat(gateway.clientOf("127.0.0.1", List.of("198.51.100.1, 127.0.0.2")))
        .isEqualTo("127.0.0.2");
  }

  @Test
  void rangesAreWalkedPastEveryTrustedHop() {
    var proxies = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8"));

    assertThat(proxies.clientOf("10.1.2.3", List.of("198.51.100.1, 203.0.113.9", "10.9.9.9")))
        .isEqualTo("203.0.113.9");
    assertThat(proxies.clientOf("fd00::1", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
    assertThat(proxies.trusts("11.0.0.1")).isFalse();
    assertThat(proxies.trusts("10.255.255.255")).isTrue();
  }

  @Test
  void aHopThatIsNotAnAddressEndsTheWalkAtTheLastTrustedOne() {
    assertThat(gateway.clientOf("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
    assertThat(gateway.clientOf("127.0.0.1", List.of("example.org"))).isEqualTo("127.0.0.1");
    assertThat(gateway.clientOf("127.0.0.1", List.of("999.1.1.1"))).isEqualTo("127.0.0.1");
    assertThat(gateway.clientOf("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
  }

  @Test
  void anEntryThatIsNeitherAnAddressNorARangeIsRefusedByName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.of(List.of("gateway.local")))
        .withMessageContaining("\"gateway.local\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")));
  }
}
