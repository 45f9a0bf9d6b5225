package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
  private final ClientAddresses behindProxies =
      ClientAddresses.trusting(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.7"));

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() throws Exception {
    assertThat(ClientAddresses.direct().keyOf(ip("10.1.2.3"), List.of("203.0.113.9")))
        .isEqualTo("10.1.2.3");
  }

  @Test
  void aTrustedProxysHeaderNamesTheRightMostUntrustedHop() throws Exception {
    // The client may prepend anything; only what our proxies appended counts.
    assertThat(
            behindProxies.keyOf(
                ip("10.0.0.5"), List.of("1.1.1.1, 198.51.100.4", "192.0.2.7, 10.9.9.9")))
        .isEqualTo("198.51.100.4");
    assertThat(behindProxies.keyOf(ip("10.0.0.5"), List.of("198.51.100.4:5555")))
        .isEqualTo("198.51.100.4");
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItsHeaderSays() throws Exception {
    assertThat(behindProxies.keyOf(ip("203.0.113.50"), List.of("10.0.0.1, 198.51.100.4")))
        .isEqualTo("203.0.113.50");
  }

  @Test
  void garbageOrHostNamesInTheHeaderNeverEscapeTheProxysKey() throws Exception {
    assertThat(behindProxies.keyOf(ip("10.0.0.5"), List.of("evil.example.org")))
        .isEqualTo("10.0.0.5");
    assertThat(behindProxies.keyOf(ip("10.0.0.5"), List.of("cafe.face"))).isEqualTo("10.0.0.5");
  }

  @Test
  void ipv6ClientsAreKeyedByTheirSlash64() throws Exception {
    String a = ClientAddresses.direct().keyOf(ip("2001:db8:1:2::1"), List.of());
    String b = ClientAddresses.direct().keyOf(ip("2001:db8:1:2:ffff:1:2:3"), List.of());
    String other = ClientAddresses.direct().keyOf(ip("2001:db8:1:3::1"), List.of());
    assertThat(a).isEqualTo("2001:db8:1:2::/64").isEqualTo(b);
    assertThat(other).isNotEqualTo(a);
    assertThat(behindProxies.keyOf(ip("fd00::1"), List.of("[2001:db8:7:7::9]:443")))
        .isEqualTo("2001:db8:7:7::/64");
  }

  @Test
  void refusesEntriesThatAreNotCidrs() {
    assertThatThrownBy(() -> ClientAddresses.trusting(List.of("proxy.internal")))
        .hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> ClientAddresses.trusting(List.of("10.0.0.0/33")))
        .hasMessageContaining("0..32");
  }
}
