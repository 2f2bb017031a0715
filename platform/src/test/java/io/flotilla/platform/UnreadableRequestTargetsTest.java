package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which request targets Spring WebFlux can read, as Reactor Netty hands them over. */
class UnreadableRequestTargetsTest {

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
        "http://localhost:8081/factorial?n=5", // absolute form
        "/x?q=%FF", // not UTF-8, but a URI: the service judges it
        "/x?q=%C0%80",
        "/x?q=\u00ff"
      })
  void aUriIsReadable(String target) {
    assertThat(UnreadableRequestTargets.readable(target)).isTrue();
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
    assertThat(UnreadableRequestTargets.originForm(target)).isEqualTo(originForm);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/x?q=%", "/x?q=%ZZ", "//[::1]/x", "/x?q=<5>", "/x y", "/x?q=\"5\"", "/x?q={5}"})
  void whatIsNoUriIsNotReadable(String target) {
    assertThat(UnreadableRequestTargets.readable(target)).isFalse();
  }
}
