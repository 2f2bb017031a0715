package io.flotilla.math;

import io.flotilla.math.MathBodies.PathFailure;
import io.flotilla.math.MathBodies.QueryFailure;
import io.flotilla.platform.RequestIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose path or query is not valid percent-encoded UTF-8 ({@code n=%}, {@code
 * n=%FF}, {@code /factorial/%E0/}, {@code n=<5>}) in the seeds' shapes. Spring cannot even build
 * such a request (a broken escape is a {@link java.net.URISyntaxException}, which Spring answers
 * with an empty 400) or quietly turns bad bytes into U+FFFD; either way the client would not learn
 * what was wrong. Reactor Netty asks this route before Spring's handler, which every other request
 * reaches.
 */
@Component
class UndecodableRequests implements NettyRouteProvider {

  private static final Set<String> ALGORITHMS = Set.of("factorial", "fibonacci", "ackermann");

  private final JsonMapper json;

  UndecodableRequests(JsonMapper json) {
    this.json = json;
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(request -> !decodable(request.uri()), this::refuse);
  }

  private Mono<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
    String target = request.uri();
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    String[] segments = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
    String algo = segments[0];
    Object body;
    if (!ALGORITHMS.contains(algo)) {
      body =
          new Problem("Bad Request", 400, "The request target is not valid percent-encoded UTF-8.");
    } else if (segments.length == 1) {
      body = new QueryFailure(algo, InvalidInputException.undecodableQuery());
    } else {
      String value = firstUndecodable(segments);
      body =
          value == null
              ? new PathFailure(InvalidInputException.undecodableQuery().getMessage())
              : new PathFailure("invalid number: " + value);
    }
    return response
        .status(HttpStatus.BAD_REQUEST.value())
        .header(
            HttpHeaders.CONTENT_TYPE,
            body instanceof Problem
                ? MediaType.APPLICATION_PROBLEM_JSON_VALUE
                : MediaType.APPLICATION_JSON_VALUE)
        .header(
            RequestIds.HEADER,
            RequestIds.acceptOrCreate(request.requestHeaders().get(RequestIds.HEADER)))
        .sendByteArray(Mono.just(json.writeValueAsBytes(body)))
        .then();
  }

  /** RFC 9457's members, as the platform gives every other error of this service. */
  record Problem(String title, int status, String detail) {}

  /** The segment to name in seed 001's error, as the client sent it; null if the query is bad. */
  private static String firstUndecodable(String[] segments) {
    for (String segment : segments) {
      if (!decodable("/" + segment)) {
        return segment;
      }
    }
    return null;
  }

  /**
   * Whether Spring can read the target as it is meant: a URI (no {@code <}, {@code "} or space
   * unescaped, every {@code %} starting a two-digit hex escape) whose bytes, escaped or not, are
   * well-formed UTF-8. Netty hands over the request line byte for byte, one char per byte.
   */
  static boolean decodable(String target) {
    if (plain(target)) {
      return true; // almost every request
    }
    try {
      new URI(target);
    } catch (URISyntaxException e) {
      return false;
    }
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

  /** Only letters, digits and punctuation that a URI takes as it is, and no escapes. */
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

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }
}
