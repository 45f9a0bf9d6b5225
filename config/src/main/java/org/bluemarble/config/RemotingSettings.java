package org.bluemarble.config;

import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How nodes talk to each other (Pekko Artery), read once from {@code bluemarble.cluster}: plain
 * {@code tcp}, or {@code tls-tcp} with mutual authentication (every node presents a certificate
 * from its key store and accepts only peers whose certificate its trust store holds). Anyone who
 * reaches a plain-TCP Artery port can join the cluster and send it commands, so plain TCP binds
 * only to a loopback or private address unless {@code allow-public-remoting} says otherwise.
 *
 * @param tls true for {@code tls-tcp}
 * @param keyStore PKCS12 key store with this node's key and certificate (TLS only)
 * @param trustStore PKCS12 trust store with the certificates of the nodes (or CA) to trust
 */
public record RemotingSettings(
    boolean tls, Path keyStore, Path trustStore, boolean allowPublicRemoting) {

  static final String TRANSPORT = "bluemarble.cluster.transport";
  static final String ALLOW_PUBLIC = "bluemarble.cluster.allow-public-remoting";

  public static RemotingSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String transport = r.string(TRANSPORT);
    boolean allowPublic = r.bool(ALLOW_PUBLIC);
    switch (transport) {
      case "tcp" -> {
        String bindHost = r.string("bluemarble.node.bind-host");
        if (!allowPublic && !isPrivate(bindHost)) {
          throw SettingsException.invalid(
              "bluemarble.node.bind-host",
              bindHost,
              "a loopback or private address while "
                  + TRANSPORT
                  + " (BLUEMARBLE_REMOTE_TRANSPORT) is plain \"tcp\": anyone reaching the Artery"
                  + " port could join the cluster. Use \"tls-tcp\" (see README \"Cluster"
                  + " transport\"), or set "
                  + ALLOW_PUBLIC
                  + " (BLUEMARBLE_ALLOW_PUBLIC_REMOTING=true) when a firewall already keeps it"
                  + " private");
        }
        return new RemotingSettings(false, null, null, allowPublic);
      }
      case "tls-tcp" -> {
        Path keyStore = store(r, "bluemarble.cluster.tls.key-store");
        Path trustStore = store(r, "bluemarble.cluster.tls.trust-store");
        r.string("bluemarble.cluster.tls.key-store-password");
        r.string("bluemarble.cluster.tls.trust-store-password");
        return new RemotingSettings(true, keyStore, trustStore, allowPublic);
      }
      default -> throw SettingsException.invalid(TRANSPORT, transport, "\"tcp\" or \"tls-tcp\"");
    }
  }

  /**
   * True for loopback, site-local (10/8, 172.16/12, 192.168/16), link-local and IPv6 unique-local
   * (fc00::/7) addresses. The wildcard (0.0.0.0, ::) is not private: it binds public interfaces
   * too. A host name counts by the address it resolves to now.
   */
  static boolean isPrivate(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      byte[] bytes = address.getAddress();
      boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
      return address.isLoopbackAddress()
          || address.isSiteLocalAddress()
          || address.isLinkLocalAddress()
          || uniqueLocal;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static Path store(SettingsReader r, String key) {
    String value = r.string(key);
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw SettingsException.invalid(key, value, "a readable PKCS12 file");
    }
    return path;
  }
}
