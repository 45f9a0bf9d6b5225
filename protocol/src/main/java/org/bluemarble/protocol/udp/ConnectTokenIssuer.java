package org.bluemarble.protocol.udp;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Issues and opens connect tokens with a server key shared by all UDP edges of a deployment. The
 * session layer calls {@link #issue} when an authenticated client sends RequestConnectToken; the
 * UDP edge calls {@link #open} on a connection request.
 *
 * <p>Every issuer has a random {@link #incarnation()}, sealed into the tokens it issues; the UDP
 * endpoint accepts only tokens of its own issuer's incarnation. The endpoint remembers spent tokens
 * in memory only, so without this a connection request captured before a restart (same server key)
 * would open a connection again after it: now it is dropped as {@link DropReason#TOKEN_STALE}. A
 * node issues tokens only for its own UDP edge, which shares its issuer.
 */
public final class ConnectTokenIssuer {

  private final long protocolId;
  private final byte[] serverKey;
  private final SecureRandom random = new SecureRandom();
  private final Aead aead = new Aead();
  private final long incarnation;

  /** An issuer for a protocol id with a 32-byte server key (keep it secret). */
  public ConnectTokenIssuer(long protocolId, byte[] serverKey) {
    if (serverKey == null || serverKey.length != Aead.KEY_BYTES) {
      throw new IllegalArgumentException("serverKey must be " + Aead.KEY_BYTES + " bytes");
    }
    this.protocolId = protocolId;
    this.serverKey = serverKey.clone();
    long drawn;
    do {
      drawn = random.nextLong();
    } while (drawn == 0);
    this.incarnation = drawn;
  }

  /** A fresh random 32-byte key, for configuration and tests. */
  public static byte[] generateKey() {
    byte[] key = new byte[Aead.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * Issues a token (thread-safe).
   *
   * @param playerId the player admitted (1..64 UTF-8 bytes)
   * @param serverAddress "host:port" of the UDP edge the client must use
   * @param nowMs current time, ms since the epoch
   * @param lifetimeMs how long the token may be used to connect
   * @param timeoutMs idle timeout of the connection
   */
  public synchronized ConnectToken issue(
      String playerId, String serverAddress, long nowMs, long lifetimeMs, int timeoutMs) {
    PrivateToken.checkText("playerId", playerId);
    PrivateToken.checkText("serverAddress", serverAddress);
    if (lifetimeMs <= 0) {
      throw new IllegalArgumentException("lifetimeMs must be positive, was " + lifetimeMs);
    }
    byte[] c2s = new byte[Aead.KEY_BYTES];
    byte[] s2c = new byte[Aead.KEY_BYTES];
    byte[] nonce = new byte[Aead.NONCE_BYTES];
    random.nextBytes(c2s);
    random.nextBytes(s2c);
    random.nextBytes(nonce);
    long expires = nowMs + lifetimeMs;
    PrivateToken secret =
        new PrivateToken(playerId, expires, serverAddress, c2s, s2c, timeoutMs, incarnation);
    byte[] plain = secret.toPlain();
    byte[] sealed = new byte[PrivateToken.SEALED_BYTES];
    aead.seal(
        serverKey, nonce, PrivateToken.aad(protocolId, expires), plain, 0, plain.length, sealed, 0);
    return new ConnectToken(
        protocolId, nowMs, expires, nonce, serverAddress, c2s, s2c, timeoutMs, sealed);
  }

  /** Opens a sealed private part; empty when it was not sealed by this key for these values. */
  synchronized Optional<PrivateToken> open(
      long expiresAtMs, byte[] nonce, byte[] sealed, int offset) {
    byte[] plain =
        aead.open(
            serverKey,
            nonce,
            PrivateToken.aad(protocolId, expiresAtMs),
            sealed,
            offset,
            PrivateToken.SEALED_BYTES);
    if (plain == null) {
      return Optional.empty();
    }
    PrivateToken token = PrivateToken.fromPlain(plain);
    return token.expiresAtMs() == expiresAtMs ? Optional.of(token) : Optional.empty();
  }

  /** This issuer's random identity, sealed into its tokens (differs after every restart). */
  public long incarnation() {
    return incarnation;
  }

  /** The protocol id tokens are bound to. */
  public long protocolId() {
    return protocolId;
  }
}
