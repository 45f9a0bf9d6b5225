package org.bluemarble.shred;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The byte format of one personal field in the journal, and its AES-GCM encryption (pure: no key
 * lookup, no I/O). A sealed field is {@code 0x01, subject length (1 byte), subject (UTF-8), nonce
 * (12 bytes), ciphertext with the 16-byte tag}; the subject is the additional authenticated data,
 * so a field moved to another subject's event does not decrypt. A field written after its subject
 * was erased is the single byte {@code 0x00}. Fields of journals written before crypto-shredding
 * are CBOR text strings, not byte strings: the CBOR type is the format marker.
 */
public final class PersonalCipher {
  /** What an erased (or never readable) personal field reads as, everywhere. */
  public static final String ERASED = "<erased>";

  static final byte SEALED_V1 = 1;
  static final byte ERASED_MARKER = 0;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("the JDK has no " + TRANSFORMATION, e);
            }
          });

  private PersonalCipher() {}

  /** A fresh random 256-bit AES key. */
  public static SecretKey newKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      return generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make AES keys", e);
    }
  }

  /** The key whose raw bytes were stored. */
  public static SecretKey key(byte[] raw) {
    return new SecretKeySpec(raw, "AES");
  }

  /** The field {@code plaintext} of {@code subject}, encrypted under {@code key}. */
  public static byte[] seal(String subject, SecretKey key, String plaintext) {
    byte[] id = subject.getBytes(StandardCharsets.UTF_8);
    if (id.length > 255) {
      throw new IllegalArgumentException("a data subject id has at most 255 bytes: " + subject);
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(id);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
          .put(SEALED_V1)
          .put((byte) id.length)
          .put(id)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a personal field of " + subject, e);
    }
  }

  /** The field written in place of a personal value once its subject is erased. */
  public static byte[] erasedMarker() {
    return new byte[] {ERASED_MARKER};
  }

  /**
   * The subject whose key opens {@code field}, or null for the erased marker.
   *
   * @throws IllegalArgumentException when the bytes are no personal field of a known format
   */
  public static String subject(byte[] field) {
    if (field.length == 1 && field[0] == ERASED_MARKER) {
      return null;
    }
    if (field.length < 2 + NONCE_BYTES + TAG_BITS / 8 || field[0] != SEALED_V1) {
      throw new IllegalArgumentException(
          "not a personal field (format " + (field.length == 0 ? "empty" : field[0]) + ")");
    }
    int length = field[1] & 0xff;
    if (field.length < 2 + length + NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("personal field truncated");
    }
    return new String(field, 2, length, StandardCharsets.UTF_8);
  }

  /**
   * The plaintext of a sealed {@code field} under its subject's {@code key}.
   *
   * @throws IllegalArgumentException when the key does not open it (another key, altered bytes)
   */
  public static String open(byte[] field, SecretKey key) {
    int length = field[1] & 0xff;
    int nonceAt = 2 + length;
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, field, nonceAt, NONCE_BYTES));
      cipher.updateAAD(field, 2, length);
      byte[] plain =
          cipher.doFinal(field, nonceAt + NONCE_BYTES, field.length - nonceAt - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("personal field does not open with its subject's key", e);
    }
  }
}
