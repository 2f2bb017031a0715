package io.flotilla.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What can be read of a request target as Netty hands it over: the request line byte for byte, one
 * char per byte. Spring WebFlux reads it with {@link URI}; a target that is not a URI (an unescaped
 * space, quote, {@code <}, or a {@code %} without two hex digits) it answers with an empty 400, and
 * bytes that are not UTF-8 it quietly turns into U+FFFD.
 */
public final class RequestTargets {

  private RequestTargets() {}

  /**
   * The path and query, as Spring takes them from the target: without the scheme and authority of
   * an absolute-form target ({@code http://host/path}), and starting with {@code /}.
   */
  public static String originForm(String target) {
    int authority = target.indexOf("://");
    if (authority > 0 && authority < stop(target)) {
      int path = stop(target.substring(authority + 3)) + authority + 3;
      target = target.substring(path);
    }
    return target.startsWith("/") ? target : "/" + target;
  }

  /** Where a path, query or fragment begins (the length if none does). */
  private static int stop(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return target.length();
  }

  /** Whether Spring can read the target at all: as the path and query of an http URI. */
  public static boolean readable(String target) {
    return plain(target) || isUri(target); // plain: almost every request
  }

  /**
   * Whether the target is readable and its bytes, percent-escaped or not, are well-formed UTF-8.
   */
  public static boolean wellFormed(String target) {
    return plain(target) || (isUri(target) && isUtf8(originForm(target)));
  }

  private static boolean isUri(String target) {
    try {
      new URI("http://localhost" + originForm(target));
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Whether the bytes a target spells, its escapes decoded, are well-formed UTF-8. */
  private static boolean isUtf8(String target) {
    byte[] bytes = new byte[target.length()];
    int length = 0;
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (!isHex(target, i + 1) || !isHex(target, i + 2)) {
          return false;
        }
        c = (char) HexFormat.fromHexDigits(target, i + 1, i + 3);
        i += 2;
      } else if (c > 0xFF) {
        return false; // not a byte of the request line: not as Netty hands a target over
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

  private static boolean isHex(String text, int index) {
    return index < text.length() && HexFormat.isHexDigit(text.charAt(index));
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
