package org.bluemarble.protocol.udp;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK 17 ChaCha20-Poly1305 Cipher that {@link Aead} used before issue 14, kept as the reference
 * for {@code AeadCompatibilityTest} and the baseline of {@code PacketCryptoBenchmark}. Not
 * thread-safe.
 */
final class JdkAead {

  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;

  // Separate ciphers: the JDK refuses to re-initialise one Cipher with the key and nonce it last
  // used, which is right for sealing but happens legitimately when opening (a repeated request).
  private final Cipher sealer = newCipher();
  private Cipher opener = newCipher();

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 is not available in this JDK", e);
    }
  }

  /** Encrypts {@code plain} into {@code out[outOffset..]}; returns bytes written (plain + tag). */
  int seal(
      byte[] key,
      byte[] nonce,
      byte[] aad,
      byte[] plain,
      int offset,
      int length,
      byte[] out,
      int outOffset) {
    try {
      sealer.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
      sealer.updateAAD(aad);
      return sealer.doFinal(plain, offset, length, out, outOffset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing failed", e);
    }
  }

  /** Decrypts and authenticates; returns the plaintext, or null when the tag does not match. */
  byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) {
    if (length < TAG_BYTES) {
      return null;
    }
    try {
      SecretKeySpec keySpec = new SecretKeySpec(key, "ChaCha20");
      try {
        opener.init(Cipher.DECRYPT_MODE, keySpec, new IvParameterSpec(nonce));
      } catch (InvalidKeyException sameKeyAndNonce) {
        opener = newCipher();
        opener.init(Cipher.DECRYPT_MODE, keySpec, new IvParameterSpec(nonce));
      }
      opener.updateAAD(aad);
      return opener.doFinal(sealed, offset, length);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("opening failed", e);
    }
  }

  /** The 12-byte nonce for a 64-bit packet sequence: four zero bytes, then the sequence. */
  static byte[] sequenceNonce(long sequence) {
    byte[] nonce = new byte[NONCE_BYTES];
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (sequence >>> (56 - 8 * i));
    }
    return nonce;
  }
}
