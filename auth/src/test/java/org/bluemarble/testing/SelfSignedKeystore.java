package org.bluemarble.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 keystore with a fresh self-signed EC certificate for 127.0.0.1, made by the JDK's
 * keytool as an operator would, valid for two days; and a client TLS context that trusts it. For
 * the tests of every TLS listener (edge HTTPS and WebSocket, the journal's gRPC service).
 *
 * @param file where the keystore is
 * @param password its store password
 */
public record SelfSignedKeystore(Path file, String password) {

  /** The password of the test keystores; tests check it never shows in settings' output. */
  public static final String PASSWORD = "test-keystore-password";

  /** Makes a keystore at {@code file} whose key is named {@code alias}, with {@link #PASSWORD}. */
  public static SelfSignedKeystore create(Path file, String alias) throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        file.toString(),
        "-storepass",
        PASSWORD);
    return new SelfSignedKeystore(file, PASSWORD);
  }

  /** A client TLS context that trusts this keystore's certificate (and nothing else). */
  public SSLContext trustingContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** Runs the JDK's keytool with {@code args} and fails the test, with its output, if it fails. */
  public static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
  }
}
