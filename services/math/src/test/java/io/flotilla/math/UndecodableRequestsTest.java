package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which request targets the route in front of Spring takes: those that are not UTF-8 when decoded.
 */
class UndecodableRequestsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/factorial?n=20",
        "/factorial?n=%2B5",
        "/fibonacci/%D9%A5/",
        "/x?q=%F0%9F%98%80", // an emoji, four bytes
        "/x?q=%00",
        "/x?q=a%20b#top",
        "/x?q=%e2%88%9e" // lower-case hex
      })
  void wellFormedTargetsAreLeftToSpring(String target) {
    assertThat(UndecodableRequests.decodable(target)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/factorial?n=%",
        "/factorial?n=%2",
        "/factorial?n=%ZZ",
        "/factorial?n=%FF",
        "/factorial?n=%C0%80", // overlong
        "/factorial?n=%ED%A0%80", // a lone surrogate
        "/factorial?n=%E0&x=1", // cut short by the next parameter
        "/x?q=\u00ff", // an unescaped byte that UTF-8 never uses
        "/x?q=\u00e2\u0088\u009e", // UTF-8 unescaped: bytes Spring's URI cannot take
        "/factorial?n=<5>",
        "/factorial?n=\"5\"",
        "/factorial?n={5}",
        "/factorial?n=5|6"
      })
  void brokenEscapesAndMalformedUtf8AreTakenBeforeSpring(String target) {
    assertThat(UndecodableRequests.decodable(target)).isFalse();
  }
}
