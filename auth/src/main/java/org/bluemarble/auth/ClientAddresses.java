package org.bluemarble.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for the per-address limits (logins, registrations, password changes).
 * The TCP peer, unless the peer is one of the configured trusted proxies ({@code
 * bluemarble.auth.trusted-proxies}, CIDRs): then {@code X-Forwarded-For} is read from the right,
 * skipping trusted proxies, and the right-most address that is not one is the client (entries left
 * of it are whatever the client chose to send). Without trusted proxies the header is ignored, so a
 * client cannot pick a fresh address per attempt. An IPv6 client is keyed by its /64, the smallest
 * block one subscriber usually gets, so cycling through its own addresses does not help.
 */
public final class ClientAddresses {
  /** Characters of an IP literal: never a host name, which would cost a DNS lookup. */
  private static final Pattern LITERAL =
      Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f.]{0,40}:[0-9A-Fa-f:.]{1,44}");

  private record Cidr(byte[] network, int bits) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Cidr> trusted;

  private ClientAddresses(List<Cidr> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** No trusted proxies: the TCP peer is the client. */
  public static ClientAddresses direct() {
    return new ClientAddresses(List.of());
  }

  /**
   * Trusts the proxies in {@code cidrs} ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address).
   *
   * @throws IllegalArgumentException naming the entry that is not an IP literal with a valid prefix
   */
  public static ClientAddresses trusting(List<String> cidrs) {
    List<Cidr> parsed = new ArrayList<>();
    for (String entry : cidrs) {
      String text = entry.trim();
      int slash = text.indexOf('/');
      InetAddress address =
          literal(slash < 0 ? text : text.substring(0, slash))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR"));
      int max = address.getAddress().length * 8;
      int bits;
      try {
        bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + entry + "' has no numeric prefix length", e);
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException("'" + entry + "': prefix length must be 0.." + max);
      }
      parsed.add(new Cidr(address.getAddress(), bits));
    }
    return new ClientAddresses(parsed);
  }

  /**
   * The key of the client behind a connection from {@code peer}.
   *
   * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
   */
  public String keyOf(InetAddress peer, List<String> forwardedFor) {
    InetAddress client = peer;
    if (trusts(peer) && !forwardedFor.isEmpty()) {
      List<String> hops = new ArrayList<>();
      for (String header : forwardedFor) {
        for (String hop : header.split(",")) {
          hops.add(hop.trim());
        }
      }
      for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
        java.util.Optional<InetAddress> hop = literal(stripPort(hops.get(i)));
        if (hop.isEmpty()) {
          break; // garbage from the client's side: the last trusted hop stands for it
        }
        client = hop.get();
      }
    }
    return key(client);
  }

  /** IPv4 as is; IPv6 as its /64 prefix, e.g. {@code 2001:db8:1:2::/64}. */
  static String key(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length == 4) {
      return address.getHostAddress();
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff))).append(':');
    }
    return prefix.append(":/64").toString();
  }

  private boolean trusts(InetAddress address) {
    for (Cidr cidr : trusted) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static String stripPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  private static java.util.Optional<InetAddress> literal(String text) {
    if (!LITERAL.matcher(text).matches()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }
}
