package org.bluemarble.protocol.udp;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * ChaCha20-Poly1305 (RFC 8439): 32-byte keys, 12-byte nonces, 16-byte tags. One instance per thread
 * (it reuses its engines); not thread-safe.
 *
 * <p>Bouncy Castle's lightweight engine rather than the JDK's {@code Cipher}: the bytes are the
 * same (RFC 8439 both; {@code AeadCompatibilityTest} checks it against the JDK). In isolation both
 * cost the same CPU per packet, but the JDK 17 cipher's per-packet init allocates 3-4 times as much
 * (about 1.7 KB per 200-byte seal and 3.1 KB per open, against 0.6 and 0.8 KB; {@code
 * PacketCryptoBenchmark} with {@code -prof gc}), and the UDP edge seals every datagram it sends.
 */
final class Aead {

  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;

  // Separate engines: Bouncy Castle refuses to re-initialise an encrypting engine with the key and
  // nonce it last used (right for sealing), while opening the same packet twice is legitimate.
  private final ChaCha20Poly1305 sealer = new ChaCha20Poly1305();
  private final ChaCha20Poly1305 opener = new ChaCha20Poly1305();

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
    sealer.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    sealer.processAADBytes(aad, 0, aad.length);
    int written = sealer.processBytes(plain, offset, length, out, outOffset);
    try {
      return written + sealer.doFinal(out, outOffset + written);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("sealing failed", e);
    }
  }

  /** Decrypts and authenticates; returns the plaintext, or null when the tag does not match. */
  byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) {
    if (length < TAG_BYTES) {
      return null;
    }
    opener.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
    opener.processAADBytes(aad, 0, aad.length);
    byte[] plain = new byte[length - TAG_BYTES];
    int written = opener.processBytes(sealed, offset, length, plain, 0);
    try {
      opener.doFinal(plain, written);
      return plain;
    } catch (InvalidCipherTextException e) {
      return null;
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
