package org.bluemarble.protocol.udp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The secret part of a connect token, readable only by servers holding the server key.
 *
 * <p>Plain layout (214 bytes, big-endian): player id length (1) + UTF-8 padded to 64, expiry ms
 * (8), server address length (1) + UTF-8 padded to 64, client-to-server key (32), server-to-client
 * key (32), timeout ms (4), issuer incarnation (8). Sealed with ChaCha20-Poly1305 under the server
 * key, the token nonce, and associated data = protocol id (8) + expiry ms (8).
 *
 * @param playerId the player the token admits
 * @param expiresAtMs expiry, milliseconds since the epoch
 * @param serverAddress "host:port" of the UDP edge the token is for
 * @param clientToServerKey key for packets the client sends
 * @param serverToClientKey key for packets the server sends
 * @param timeoutMs idle timeout of the connection
 * @param issuerIncarnation the {@link ConnectTokenIssuer#incarnation()} that sealed it: a token
 *     from before a restart does not open a connection after it
 */
record PrivateToken(
    String playerId,
    long expiresAtMs,
    String serverAddress,
    byte[] clientToServerKey,
    byte[] serverToClientKey,
    int timeoutMs,
    long issuerIncarnation) {

  static final int TEXT_BYTES = 64;
  static final int PLAIN_BYTES = 1 + TEXT_BYTES + 8 + 1 + TEXT_BYTES + 2 * Aead.KEY_BYTES + 4 + 8;
  static final int SEALED_BYTES = PLAIN_BYTES + Aead.TAG_BYTES;

  byte[] toPlain() {
    ByteBuffer out = ByteBuffer.allocate(PLAIN_BYTES);
    putText(out, playerId);
    out.putLong(expiresAtMs);
    putText(out, serverAddress);
    out.put(clientToServerKey).put(serverToClientKey).putInt(timeoutMs).putLong(issuerIncarnation);
    return out.array();
  }

  static PrivateToken fromPlain(byte[] plain) {
    ByteBuffer in = ByteBuffer.wrap(plain);
    String player = getText(in);
    long expires = in.getLong();
    String address = getText(in);
    byte[] c2s = new byte[Aead.KEY_BYTES];
    byte[] s2c = new byte[Aead.KEY_BYTES];
    in.get(c2s).get(s2c);
    int timeout = in.getInt();
    return new PrivateToken(player, expires, address, c2s, s2c, timeout, in.getLong());
  }

  static byte[] aad(long protocolId, long expiresAtMs) {
    return ByteBuffer.allocate(16).putLong(protocolId).putLong(expiresAtMs).array();
  }

  static void checkText(String field, String value) {
    if (value == null
        || value.isEmpty()
        || value.getBytes(StandardCharsets.UTF_8).length > TEXT_BYTES) {
      throw new IllegalArgumentException(
          field + " must be 1.." + TEXT_BYTES + " UTF-8 bytes, was " + value);
    }
  }

  private static void putText(ByteBuffer out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.put((byte) bytes.length).put(bytes).put(new byte[TEXT_BYTES - bytes.length]);
  }

  private static String getText(ByteBuffer in) {
    int length = Math.min(in.get() & 0xFF, TEXT_BYTES);
    byte[] bytes = new byte[TEXT_BYTES];
    in.get(bytes);
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
