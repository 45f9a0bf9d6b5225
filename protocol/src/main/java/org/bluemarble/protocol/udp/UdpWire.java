package org.bluemarble.protocol.udp;

import java.nio.ByteBuffer;

/**
 * The UDP packet layouts, in the manner of netcode.io (our own format, not compatible with it).
 *
 * <pre>
 * Connection request (plain, client to server, always exactly {@link #REQUEST_BYTES} bytes):
 *   0    1  type = 0
 *   1    8  protocol id
 *   9    8  token expiry, ms since the epoch
 *   17  12  token nonce
 *   29 230  sealed private token (see PrivateToken)
 *   259 ..  zero padding, so that no reply before the handshake is larger than the request
 *
 * Every other packet (encrypted and authenticated):
 *   0    1  type (1 challenge, 2 response, 3 keep-alive, 4 payload, 5 disconnect)
 *   1    8  sequence, per sender and connection, starting at 0, never reused
 *   9   ..  ChaCha20-Poly1305 ciphertext followed by its 16-byte tag
 *   key   = client-to-server or server-to-client key from the token
 *   nonce = 4 zero bytes + the 8-byte sequence
 *   AAD   = protocol id (8) + type (1)
 *
 * Plaintext: challenge and response carry the 16 challenge bytes; keep-alive and disconnect are
 * empty; payload carries channel data, at most {@link #MAX_PAYLOAD_BYTES} bytes.
 * </pre>
 *
 * A receiver drops (and counts) any packet that is short, of unknown type, fails authentication, or
 * whose sequence the {@link ReplayWindow} has seen or left behind. No datagram exceeds {@link
 * #MAX_DATAGRAM_BYTES}.
 */
public final class UdpWire {

  /** The largest datagram either side sends or accepts. */
  public static final int MAX_DATAGRAM_BYTES = 1_200;

  /** The exact size of a connection request. */
  public static final int REQUEST_BYTES = 1_100;

  /** Type and sequence in front of the ciphertext. */
  static final int HEADER_BYTES = 9;

  /** The largest plaintext payload of one packet. */
  public static final int MAX_PAYLOAD_BYTES = MAX_DATAGRAM_BYTES - HEADER_BYTES - Aead.TAG_BYTES;

  static final int CHALLENGE_BYTES = 16;

  private static final int REQUEST_TOKEN_OFFSET = 29;

  private UdpWire() {}

  /** Builds the padded connection request for a token. */
  static byte[] request(ConnectToken token) {
    ByteBuffer out = ByteBuffer.allocate(REQUEST_BYTES);
    out.put((byte) PacketType.REQUEST.id());
    out.putLong(token.protocolId()).putLong(token.expiresAtMs()).put(token.nonce());
    out.put(token.sealedPrivate());
    return out.array();
  }

  static long requestProtocolId(byte[] data) {
    return ByteBuffer.wrap(data, 1, 8).getLong();
  }

  static long requestExpiry(byte[] data) {
    return ByteBuffer.wrap(data, 9, 8).getLong();
  }

  static byte[] requestNonce(byte[] data) {
    byte[] nonce = new byte[Aead.NONCE_BYTES];
    System.arraycopy(data, 17, nonce, 0, nonce.length);
    return nonce;
  }

  static int requestTokenOffset() {
    return REQUEST_TOKEN_OFFSET;
  }

  /** Seals an encrypted packet. */
  static byte[] seal(
      Aead aead,
      long protocolId,
      PacketType type,
      long sequence,
      byte[] key,
      byte[] plain,
      int offset,
      int length) {
    if (length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload of " + length + " bytes exceeds " + MAX_PAYLOAD_BYTES + " bytes");
    }
    byte[] out = new byte[HEADER_BYTES + length + Aead.TAG_BYTES];
    out[0] = (byte) type.id();
    ByteBuffer.wrap(out, 1, 8).putLong(sequence);
    aead.seal(
        key, Aead.sequenceNonce(sequence), aad(protocolId, type), plain, offset, length, out, 9);
    return out;
  }

  /** The sequence of an encrypted packet (caller checked the length). */
  static long sequence(byte[] data) {
    return ByteBuffer.wrap(data, 1, 8).getLong();
  }

  /** Opens an encrypted packet; null when it does not authenticate. */
  static byte[] open(
      Aead aead, long protocolId, PacketType type, byte[] key, byte[] data, int length) {
    return aead.open(
        key,
        Aead.sequenceNonce(sequence(data)),
        aad(protocolId, type),
        data,
        HEADER_BYTES,
        length - HEADER_BYTES);
  }

  private static byte[] aad(long protocolId, PacketType type) {
    return ByteBuffer.allocate(9).putLong(protocolId).put((byte) type.id()).array();
  }
}
