package org.bluemarble.edge.market;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payment-provider webhook signatures in the Stripe style: header {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.payload">} (several {@code v1} allowed, e.g. during secret rotation). A
 * signature is valid when one {@code v1} matches (constant-time compare) and {@code t} lies within
 * the tolerance window of now, so a captured request cannot be replayed later. It also carries the
 * webhook's other term: the most one event may credit ({@link #maxCreditPerEvent()}).
 */
public final class PaymentSignature {
  private final byte[] secret;
  private final Duration tolerance;
  private final long maxCreditPerEvent;

  /**
   * {@code secret}: at least 16 characters; {@code maxCreditPerEvent}: the most copper one event
   * may credit (larger events are refused), positive.
   */
  public PaymentSignature(String secret, Duration tolerance, long maxCreditPerEvent) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "bluemarble.market.payments.secret must be at least 16 characters");
    }
    if (maxCreditPerEvent <= 0) {
      throw new IllegalArgumentException(
          "bluemarble.market.payments.max-credit-per-event must be positive");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
    this.maxCreditPerEvent = maxCreditPerEvent;
  }

  /** The most copper one webhook event may credit. */
  public long maxCreditPerEvent() {
    return maxCreditPerEvent;
  }

  /** The header value a provider would send for {@code payload} at {@code at}. */
  public String sign(String payload, Instant at) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + hex(mac(t + "." + payload));
  }

  /** Empty when valid; else why not ({@code missing}, {@code malformed}, {@code stale}, ...). */
  public Optional<String> problem(String header, String payload, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.of("missing signature header");
    }
    Long t = null;
    java.util.List<String> candidates = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        return Optional.of("malformed signature header");
      }
      if (kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return Optional.of("malformed timestamp");
        }
      } else if (kv[0].equals("v1")) {
        candidates.add(kv[1]);
      }
    }
    if (t == null || candidates.isEmpty()) {
      return Optional.of("signature header needs t= and v1=");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(t), now).abs();
    if (age.compareTo(tolerance) > 0) {
      return Optional.of("timestamp outside the " + tolerance.toSeconds() + " s tolerance");
    }
    byte[] expected = hex(mac(t + "." + payload)).getBytes(StandardCharsets.US_ASCII);
    for (String c : candidates) {
      if (MessageDigest.isEqual(expected, c.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.empty();
      }
    }
    return Optional.of("signature does not match");
  }

  private byte[] mac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
