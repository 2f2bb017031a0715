package io.flotilla.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which client a request comes from when proxies may stand in between. The connection's own
 * address, unless it is a trusted proxy; then {@code X-Forwarded-For} is read from its right end,
 * past every trusted proxy, to the first address that is not one. Trusting none (the default) uses
 * the connection's address alone, so no client can choose the address it is counted under.
 *
 * <p>Written here because the gateway (Netty) and the servlet services share no address matcher:
 * Spring Security's is servlet-only, Reactor Netty's and Tomcat's trust every proxy or take regular
 * expressions. Only literal addresses are parsed (never a name lookup), so a header cannot make a
 * request wait on DNS.
 */
public final class TrustedProxies {

  /** Trusts no proxy: the connection's address is the client. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** Longer than any address literal: what a client sent is never kept longer than this. */
  static final int MAX_ADDRESS_LENGTH = 45;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Range(byte[] prefix, int bits) {

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Proxies by address ({@code 10.0.0.5}, {@code ::1}) or range ({@code 10.0.0.0/8}).
   *
   * @throws IllegalArgumentException naming an entry that is neither
   */
  public static TrustedProxies of(List<String> proxies) {
    var ranges = new ArrayList<Range>();
    for (String entry : proxies) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int slash = trimmed.indexOf('/');
      byte[] address = bytesOf(slash < 0 ? trimmed : trimmed.substring(0, slash));
      int bits = -1;
      if (address != null) {
        bits = slash < 0 ? address.length * 8 : prefixLength(trimmed.substring(slash + 1));
      }
      if (address == null || bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException(
            "a trusted proxy must be an IP address or a range such as 10.0.0.0/8, got \""
                + trimmed
                + "\"");
      }
      ranges.add(new Range(address, bits));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /** Whether any proxy is trusted at all. */
  public boolean any() {
    return !ranges.isEmpty();
  }

  /**
   * The client of a request that came from {@code connectedFrom} with these {@code X-Forwarded-For}
   * header values (each may list several addresses, comma-separated).
   */
  public String clientOf(String connectedFrom, List<String> forwardedFor) {
    if (!trusts(connectedFrom) || forwardedFor == null) {
      return connectedFrom;
    }
    var hops = new ArrayList<String>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        hops.add(hop.strip());
      }
    }
    String client = connectedFrom;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (bytesOf(hop) == null) {
        // Not an address (a name, a port, garbage): nothing left of it can be believed either.
        return client;
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** Whether this address is one of the trusted proxies. */
  public boolean trusts(String address) {
    if (ranges.isEmpty()) {
      return false;
    }
    byte[] bytes = bytesOf(address);
    if (bytes == null) {
      return false;
    }
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private static int prefixLength(String bits) {
    if (!bits.matches("\\d{1,3}")) {
      return -1;
    }
    return Integer.parseInt(bits);
  }

  /** The address's bytes, if it is an IPv4 or IPv6 literal; never a name lookup. */
  private static byte[] bytesOf(String literal) {
    if (literal == null || literal.isEmpty() || literal.length() > MAX_ADDRESS_LENGTH + 2) {
      return null;
    }
    String address =
        literal.startsWith("[") && literal.endsWith("]")
            ? literal.substring(1, literal.length() - 1)
            : literal;
    if (IPV4.matcher(address).matches()) {
      byte[] bytes = new byte[4];
      String[] parts = address.split("\\.");
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(parts[i]);
        if (part > 255) {
          return null;
        }
        bytes[i] = (byte) part;
      }
      return bytes;
    }
    if (!IPV6.matcher(address).matches()) {
      return null;
    }
    try {
      // A literal with a colon is parsed as IPv6 or refused: InetAddress never looks it up.
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException notAnAddress) {
      return null;
    }
  }
}
