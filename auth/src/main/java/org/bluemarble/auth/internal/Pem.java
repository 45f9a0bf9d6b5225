package org.bluemarble.auth.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads EC keys from PEM text with the JDK alone (PKCS#8 private keys, X.509 SubjectPublicKeyInfo
 * public keys).
 */
public final class Pem {
  private Pem() {}

  /** The {@code PUBLIC KEY} block as an EC key, if there is one. */
  public static Optional<ECPublicKey> ecPublicKey(String pem) {
    return block(pem, "PUBLIC KEY")
        .map(der -> (ECPublicKey) generate(() -> ec().generatePublic(new X509EncodedKeySpec(der))));
  }

  /** The {@code PRIVATE KEY} block as an EC key, if there is one. */
  public static Optional<ECPrivateKey> ecPrivateKey(String pem) {
    return block(pem, "PRIVATE KEY")
        .map(
            der ->
                (ECPrivateKey) generate(() -> ec().generatePrivate(new PKCS8EncodedKeySpec(der))));
  }

  /** Wraps DER bytes in a PEM block of the given label. */
  public static String encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static Optional<byte[]> block(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    if (from < 0) {
      return Optional.empty();
    }
    int to = pem.indexOf(end, from);
    if (to < 0) {
      throw new IllegalArgumentException("PEM block " + label + " has no END line");
    }
    String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      return Optional.of(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM block " + label + " is not valid base64", e);
    }
  }

  private static KeyFactory ec() throws GeneralSecurityException {
    return KeyFactory.getInstance("EC");
  }

  private interface KeyMaker {
    java.security.Key make() throws GeneralSecurityException;
  }

  private static java.security.Key generate(KeyMaker maker) {
    try {
      return maker.make();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("PEM block is not an EC key: " + e.getMessage(), e);
    }
  }
}
