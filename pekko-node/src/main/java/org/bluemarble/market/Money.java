package org.bluemarble.market;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copper amounts: every sum of money in the economy is a {@code long} of copper (100 copper = 1
 * silver, 100 silver = 1 gold). This class validates, formats ({@code "12g 3s 45c"}), parses and
 * does overflow-checked arithmetic and percentage fees on them; there is no floating point.
 */
public final class Money {
  public static final long COPPER_PER_SILVER = 100;
  public static final long COPPER_PER_GOLD = 100 * COPPER_PER_SILVER;

  /**
   * Largest amount accepted anywhere: 10^15 copper (100 billion gold). Keeps every sum of a few
   * amounts far from {@link Long#MAX_VALUE}.
   */
  public static final long MAX_AMOUNT = 1_000_000_000_000_000L;

  /** One percent in basis points; fees are configured in basis points (1/100 of a percent). */
  public static final int BASIS_POINTS_PER_PERCENT = 100;

  private static final long BASIS_POINTS_WHOLE = 10_000;
  private static final Pattern TOKEN = Pattern.compile("\\s*(\\d{1,16})([gsc])");

  private Money() {}

  /** The amount of {@code gold}, {@code silver} and {@code copper}, each non-negative. */
  public static long of(long gold, long silver, long copper) {
    if (gold < 0 || silver < 0 || copper < 0) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT,
          "gold/silver/copper must be >= 0, was " + gold + "/" + silver + "/" + copper);
    }
    try {
      long total =
          Math.addExact(
              Math.addExact(
                  Math.multiplyExact(gold, COPPER_PER_GOLD),
                  Math.multiplyExact(silver, COPPER_PER_SILVER)),
              copper);
      return requireAmount("amount", total);
    } catch (ArithmeticException e) {
      throw new MarketException(MarketError.INVALID_AMOUNT, "amount overflows: " + gold + "g");
    }
  }

  /**
   * Returns {@code copper} when it is in 0..{@link #MAX_AMOUNT}, else throws naming {@code field}.
   */
  public static long requireAmount(String field, long copper) {
    if (copper < 0 || copper > MAX_AMOUNT) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT,
          field + " must be in 0.." + MAX_AMOUNT + " copper, was " + copper);
    }
    return copper;
  }

  /**
   * Returns {@code copper} when it is in 1..{@link #MAX_AMOUNT}, else throws naming {@code field}.
   */
  public static long requirePositive(String field, long copper) {
    if (copper <= 0 || copper > MAX_AMOUNT) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT,
          field + " must be in 1.." + MAX_AMOUNT + " copper, was " + copper);
    }
    return copper;
  }

  /** {@code a + b}, refusing overflow with {@link MarketError#INVALID_AMOUNT}. */
  public static long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new MarketException(MarketError.INVALID_AMOUNT, a + " + " + b + " overflows");
    }
  }

  /** {@code a - b}, refusing overflow with {@link MarketError#INVALID_AMOUNT}. */
  public static long subtract(long a, long b) {
    try {
      return Math.subtractExact(a, b);
    } catch (ArithmeticException e) {
      throw new MarketException(MarketError.INVALID_AMOUNT, a + " - " + b + " overflows");
    }
  }

  /** {@code unitPrice * quantity}, refusing results beyond {@link #MAX_AMOUNT}. */
  public static long times(long unitPrice, long quantity) {
    try {
      return requireAmount("total price", Math.multiplyExact(unitPrice, quantity));
    } catch (ArithmeticException e) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT, unitPrice + " x " + quantity + " overflows");
    }
  }

  /**
   * {@code amount * basisPoints / 10000} rounded down (towards zero), exact for every amount up to
   * {@link #MAX_AMOUNT} without overflow.
   */
  public static long feeRoundedDown(long amount, int basisPoints) {
    requireAmount("amount", amount);
    requireBasisPoints(basisPoints);
    return (amount / BASIS_POINTS_WHOLE) * basisPoints
        + (amount % BASIS_POINTS_WHOLE) * basisPoints / BASIS_POINTS_WHOLE;
  }

  /** {@code amount * basisPoints / 10000} rounded up to the next whole copper. */
  public static long feeRoundedUp(long amount, int basisPoints) {
    long down = feeRoundedDown(amount, basisPoints);
    boolean exact = (amount % BASIS_POINTS_WHOLE) * basisPoints % BASIS_POINTS_WHOLE == 0;
    return exact ? down : down + 1;
  }

  private static void requireBasisPoints(int basisPoints) {
    if (basisPoints < 0 || basisPoints > BASIS_POINTS_WHOLE) {
      throw new MarketException(
          MarketError.INVALID_CONFIG, "basis points must be in 0..10000, was " + basisPoints);
    }
  }

  /**
   * Formats as {@code "12g 3s 45c"}, leaving out zero units ({@code "1g 5c"}); zero is {@code
   * "0c"}; a negative amount (only the mint has one) gets a leading minus.
   */
  public static String format(long copper) {
    if (copper == 0) {
      return "0c";
    }
    // Long.MIN_VALUE has no positive twin; it never occurs because amounts are capped.
    long abs = Math.abs(copper);
    StringBuilder out = new StringBuilder(copper < 0 ? "-" : "");
    append(out, abs / COPPER_PER_GOLD, 'g');
    append(out, abs / COPPER_PER_SILVER % 100, 's');
    append(out, abs % COPPER_PER_SILVER, 'c');
    return out.toString();
  }

  private static void append(StringBuilder out, long value, char unit) {
    if (value == 0) {
      return;
    }
    if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
      out.append(' ');
    }
    out.append(value).append(unit);
  }

  /**
   * Parses {@code "12g 3s 45c"}, {@code "5s"}, {@code "1g5c"}: units g, s, c each at most once, in
   * that order, spaces optional; silver and copper below 100 when a larger unit is given.
   */
  public static long parse(String text) {
    if (text == null || text.isBlank()) {
      throw new MarketException(MarketError.INVALID_AMOUNT, "amount text must not be empty");
    }
    Matcher m = TOKEN.matcher(text);
    int position = 0;
    int lastUnit = -1;
    long[] parts = new long[3];
    while (position < text.length() && m.find(position) && m.start() == position) {
      int unit = "gsc".indexOf(m.group(2).charAt(0));
      if (unit <= lastUnit) {
        throw new MarketException(
            MarketError.INVALID_AMOUNT, "units must appear once, in order g s c: '" + text + "'");
      }
      parts[unit] = Long.parseLong(m.group(1));
      if (unit > 0 && lastUnit >= 0 && parts[unit] >= 100) {
        throw new MarketException(
            MarketError.INVALID_AMOUNT,
            "silver and copper must be below 100 after a larger unit: '" + text + "'");
      }
      lastUnit = unit;
      position = m.end();
    }
    if (lastUnit < 0 || !text.substring(position).isBlank()) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT, "expected an amount like '12g 3s 45c', got '" + text + "'");
    }
    return of(parts[0], parts[1], parts[2]);
  }
}
