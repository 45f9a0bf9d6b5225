package org.bluemarble.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Opaque secrets (refresh tokens, session ids): 256 random bits, URL-safe base64 without padding,
 * stored only as SHA-256.
 */
public final class OpaqueTokens {
  /** 32 bytes in unpadded base64url. */
  public static final int LENGTH = 43;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueTokens() {}

  /** A fresh 256-bit secret. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * True when {@code token} has the shape {@link #newToken()} makes; checked before hashing so junk
   * costs nothing.
   */
  public static boolean wellFormed(String token) {
    return token != null && token.length() == LENGTH && SHAPE.matcher(token).matches();
  }

  /** Lower-case hex SHA-256 of the token's ASCII bytes: what stores keep instead of the secret. */
  public static String sha256(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
