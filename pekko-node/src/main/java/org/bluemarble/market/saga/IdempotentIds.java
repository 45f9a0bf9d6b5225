package org.bluemarble.market.saga;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/**
 * Ids derived from a client's idempotency key, so that a retried request (lost answer, timeout,
 * another node) names the same listing or trade as the first one and the entity can answer it with
 * the first one's outcome: no cache on any node, the entity's own journal is the memory. The key is
 * scoped to the acting player (two players may use the same key) and, for listings, to the market.
 * Ids of keyed requests carry a {@code k} so they never collide with random ones.
 */
public final class IdempotentIds {
  /** What a key may look like: 1-64 of letters, digits, '_' and '-'. */
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private IdempotentIds() {}

  /** {@code <market>.k<hash>}: the listing a keyed opening of {@code seller} creates. */
  public static String listing(String marketId, String seller, String key) {
    return marketId + ".k" + hash("listing", seller, key);
  }

  /** {@code k<hash>}: the trade a keyed trade request of {@code first} opens. */
  public static String trade(String first, String key) {
    return "k" + hash("trade", first, key);
  }

  /** {@code <bookId>.k<hash>}: the order a keyed placement of {@code owner} creates. */
  public static String order(String bookId, String owner, String key) {
    return bookId + ".k" + hash("order", owner, key);
  }

  /** {@code <market>.k<hash>}: the auction a keyed creation of {@code seller} opens. */
  public static String auction(String marketId, String seller, String key) {
    return marketId + ".k" + hash("auction", seller, key);
  }

  /**
   * Checks a key's shape.
   *
   * @throws MarketException INVALID_ID naming the allowed shape
   */
  public static String requireKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new MarketException(
          MarketError.INVALID_ID,
          "idempotency key must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-', was '"
              + key
              + "'");
    }
    return key;
  }

  /** 24 hex digits (96 bits) of SHA-256 over the kind, the player and the key. */
  private static String hash(String kind, String player, String key) {
    requireKey(key);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest((kind + '\n' + player + '\n' + key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
