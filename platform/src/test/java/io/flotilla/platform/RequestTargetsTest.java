package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which request targets Spring can read, and which of those are UTF-8 once decoded. */
class RequestTargetsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/factorial?n=20",
        "/factorial?n=%2B5",
        "/fibonacci/%D9%A5/",
        "/x?q=%F0%9F%98%80", // an emoji, four bytes
        "/x?q=%00",
        "/x?q=a%20b#top",
        "/x?q=%e2%88%9e", // lower-case hex
        "http://localhost:8081/factorial?n=5" // absolute form
      })
  void wellFormedTargetsAreReadable(String target) {
    assertThat(RequestTargets.wellFormed(target)).isTrue();
    assertThat(RequestTargets.readable(target)).isTrue();
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
        "/factorial?n=5|6",
        "//[fe80::1%eth0]/x", // a scope id that java.net.URI takes in a host, not in a path
        "http://[::1%eth0]/factorial?n=%FF",
        "/x?q=\u0665" // not a byte
      })
  void brokenEscapesAndMalformedUtf8AreNotWellFormed(String target) {
    assertThat(RequestTargets.wellFormed(target)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/x?q=%FF", "/x?q=%C0%80", "/x?q=\u00ff"})
  void malformedUtf8InAUriIsStillReadable(String target) {
    assertThat(RequestTargets.readable(target)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "/factorial?n=5, /factorial?n=5",
    "http://localhost:8081/factorial?n=5, /factorial?n=5",
    "http://localhost:8081, /",
    "https://h?q=1, /?q=1",
    "factorial, /factorial",
    "/a://b, /a://b"
  })
  void theOriginFormIsWhatSpringReads(String target, String originForm) {
    assertThat(RequestTargets.originForm(target)).isEqualTo(originForm);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/x?q=%", "/x?q=%ZZ", "//[::1]/x", "/x?q=<5>", "/x y", "/x?q=\"5\"", "/x?q={5}"})
  void whatIsNoUriIsNotReadable(String target) {
    assertThat(RequestTargets.readable(target)).isFalse();
  }
}
