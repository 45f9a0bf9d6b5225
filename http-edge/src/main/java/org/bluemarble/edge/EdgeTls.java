package org.bluemarble.edge;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * HTTPS (and so WSS for {@code /ws}) on the public HTTP port from a PKCS12 keystore ({@code
 * bluemarble.edge.tls}), with HSTS on every response. The keystore is read once at start: to rotate
 * the certificate, replace the file (the Kubernetes Secret) and restart the nodes one at a time
 * (docs/operations.md, "TLS").
 *
 * @param keystore the PKCS12 file: one private key and its certificate chain
 * @param password the keystore's (and key's) password
 * @param hstsMaxAge {@code Strict-Transport-Security: max-age}
 */
public record EdgeTls(Path keystore, String password, Duration hstsMaxAge) {

  /** TLS settings, or empty when {@code bluemarble.edge.tls.keystore} is empty (plain HTTP). */
  public static Optional<EdgeTls> fromConfig(Config config) {
    String file = config.getString("bluemarble.edge.tls.keystore");
    if (file.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "bluemarble.edge.tls.keystore / BLUEMARBLE_TLS_KEYSTORE: cannot read " + path);
    }
    Duration hsts = config.getDuration("bluemarble.edge.tls.hsts-max-age");
    if (hsts.isNegative()) {
      throw new IllegalArgumentException(
          "bluemarble.edge.tls.hsts-max-age must not be negative, was " + hsts);
    }
    return Optional.of(
        new EdgeTls(path, config.getString("bluemarble.edge.tls.keystore-password"), hsts));
  }

  /** The server's TLS context; fails naming the file when it cannot be used. */
  public HttpsConnectionContext context() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password.toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
      return ConnectionContext.httpsServer(tls);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "bluemarble.edge.tls.keystore " + keystore + " is not a usable PKCS12 keystore: " + e, e);
    }
  }

  /** The HSTS header value: browsers use HTTPS only for this host for that long. */
  public String hsts() {
    return "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
  }

  @Override
  public String toString() {
    return "EdgeTls[keystore=" + keystore + ", hstsMaxAge=" + hstsMaxAge + "]";
  }
}
