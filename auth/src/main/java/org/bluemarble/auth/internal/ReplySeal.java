package org.bluemarble.auth.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a short text (a refresh answer, which holds new tokens) under a key derived from an opaque
 * token, with AES-256-GCM: only whoever presents that token again can open it, so a store holding
 * sealed answers next to token hashes gives a reader of the store nothing usable.
 */
public final class ReplySeal {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private ReplySeal() {}

  /** Base64 of nonce and ciphertext. */
  public static String seal(String token, String plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, token, nonce);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is in every JDK", e);
    }
  }

  /** The plain text, or empty when {@code sealed} was not sealed with {@code token}. */
  public static Optional<String> open(String token, String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      if (all.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, token, nonce);
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Cipher cipher(int mode, String token, byte[] nonce)
      throws GeneralSecurityException {
    // Domain-separated from the SHA-256 the stores keep as the token's id.
    byte[] key =
        MessageDigest.getInstance("SHA-256")
            .digest(("bluemarble refresh reply|" + token).getBytes(StandardCharsets.US_ASCII));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }
}
