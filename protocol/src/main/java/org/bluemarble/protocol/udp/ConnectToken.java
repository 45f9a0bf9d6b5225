package org.bluemarble.protocol.udp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * What a client needs to open a UDP connection: the public part of a connect token (issued by
 * {@link ConnectTokenIssuer}, sent in ConnectTokenIssued.token).
 *
 * <p>The client reads the server address, its two per-connection keys and the expiry from it and
 * forwards {@code nonce} and {@code sealedPrivate} (opaque to it) in its connection request.
 *
 * <p>Byte layout (big-endian): protocol id (8), created ms (8), expires ms (8), nonce (12), server
 * address length (1) + UTF-8 "host:port", client-to-server key (32), server-to-client key (32),
 * timeout ms (4), sealed private token ({@link PrivateToken#SEALED_BYTES}).
 *
 * @param protocolId the game's protocol id, must match the server's
 * @param createdAtMs issue time, milliseconds since the epoch
 * @param expiresAtMs expiry, milliseconds since the epoch
 * @param nonce the 12-byte nonce the private part was sealed with
 * @param serverAddress "host:port" of the UDP edge this token is for
 * @param clientToServerKey key for packets the client sends
 * @param serverToClientKey key for packets the server sends
 * @param timeoutMs the connection is dropped after this long without a packet
 * @param sealedPrivate the private part sealed with the server key
 */
public record ConnectToken(
    long protocolId,
    long createdAtMs,
    long expiresAtMs,
    byte[] nonce,
    String serverAddress,
    byte[] clientToServerKey,
    byte[] serverToClientKey,
    int timeoutMs,
    byte[] sealedPrivate) {

  /** Copies the arrays so the token is immutable. */
  public ConnectToken {
    nonce = checkLength("nonce", nonce, Aead.NONCE_BYTES);
    clientToServerKey = checkLength("clientToServerKey", clientToServerKey, Aead.KEY_BYTES);
    serverToClientKey = checkLength("serverToClientKey", serverToClientKey, Aead.KEY_BYTES);
    sealedPrivate = checkLength("sealedPrivate", sealedPrivate, PrivateToken.SEALED_BYTES);
    PrivateToken.checkText("serverAddress", serverAddress);
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("timeoutMs must be positive, was " + timeoutMs);
    }
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] clientToServerKey() {
    return clientToServerKey.clone();
  }

  @Override
  public byte[] serverToClientKey() {
    return serverToClientKey.clone();
  }

  @Override
  public byte[] sealedPrivate() {
    return sealedPrivate.clone();
  }

  /** The token as bytes for ConnectTokenIssued.token. */
  public byte[] toBytes() {
    byte[] address = serverAddress.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(
            8 * 3
                + Aead.NONCE_BYTES
                + 1
                + address.length
                + 2 * Aead.KEY_BYTES
                + 4
                + PrivateToken.SEALED_BYTES);
    out.putLong(protocolId).putLong(createdAtMs).putLong(expiresAtMs).put(nonce);
    out.put((byte) address.length).put(address);
    out.put(clientToServerKey).put(serverToClientKey).putInt(timeoutMs).put(sealedPrivate);
    byte[] bytes = new byte[out.position()];
    out.flip().get(bytes);
    return bytes;
  }

  /**
   * Parses {@link #toBytes()}.
   *
   * @throws ProtocolException CODE_MALFORMED_FRAME if the bytes are not a token
   */
  public static ConnectToken fromBytes(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      long protocolId = in.getLong();
      long created = in.getLong();
      long expires = in.getLong();
      byte[] nonce = take(in, Aead.NONCE_BYTES);
      String address = new String(take(in, in.get() & 0xFF), StandardCharsets.UTF_8);
      byte[] c2s = take(in, Aead.KEY_BYTES);
      byte[] s2c = take(in, Aead.KEY_BYTES);
      int timeout = in.getInt();
      byte[] sealed = take(in, PrivateToken.SEALED_BYTES);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes");
      }
      return new ConnectToken(
          protocolId, created, expires, nonce, address, c2s, s2c, timeout, sealed);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME, "connect token is malformed: " + e.getMessage(), e);
    }
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }

  private static byte[] checkLength(String field, byte[] value, int length) {
    if (value == null || value.length != length) {
      throw new IllegalArgumentException(
          field + " must be " + length + " bytes, was " + (value == null ? "null" : value.length));
    }
    return value.clone();
  }
}
