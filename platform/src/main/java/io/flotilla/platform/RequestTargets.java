package io.flotilla.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What can be read of a request target (path and query) as Netty hands it over: the request line
 * byte for byte, one char per byte. Spring WebFlux reads it with {@link URI}; a target that is not
 * a URI (an unescaped space, quote, {@code <}, or a {@code %} without two hex digits) it answers
 * with an empty 400, and bytes that are not UTF-8 it quietly turns into U+FFFD.
 */
public final class RequestTargets {

  private RequestTargets() {}

  /** Whether Spring can read the target at all: it is a URI. */
  public static boolean readable(String target) {
    if (plain(target)) {
      return true; // almost every request
    }
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Whether the target is a URI whose bytes, percent-escaped or not, are well-formed UTF-8. */
  public static boolean wellFormed(String target) {
    if (plain(target)) {
      return true;
    }
    if (!readable(target)) {
      return false;
    }
    // A URI's every % starts a two-digit escape, so the bytes are simple to spell out.
    byte[] bytes = new byte[target.length()];
    int length = 0;
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        c = (char) HexFormat.fromHexDigits(target, i + 1, i + 3);
        i += 2;
      }
      bytes[length++] = (byte) c;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Only letters, digits and punctuation that a URI takes as they are, and no escapes. */
  private static boolean plain(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/?&=+,;:@!$'()*".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
