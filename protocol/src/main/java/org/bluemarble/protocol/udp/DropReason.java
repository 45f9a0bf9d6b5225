package org.bluemarble.protocol.udp;

/** Why an endpoint silently dropped a datagram; counted per reason for metrics. */
public enum DropReason {
  /** Shorter than any valid packet, or longer than the maximum datagram. */
  BAD_SIZE,
  /** Unknown packet type byte. */
  UNKNOWN_TYPE,
  /** A connection request for another protocol id. */
  WRONG_PROTOCOL,
  /** The connect token has expired. */
  TOKEN_EXPIRED,
  /** The sealed token did not open with the server key (forged or altered). */
  TOKEN_INVALID,
  /** The token was issued for another server address. */
  WRONG_SERVER,
  /**
   * The token was sealed by an earlier incarnation of the issuer (before this node restarted), so
   * the spent-token memory of that time is gone: refused.
   */
  TOKEN_STALE,
  /** The token is already in use from another address. */
  TOKEN_REUSED,
  /** The server holds its maximum number of connections. */
  SERVER_FULL,
  /** The server holds its maximum number of pending (challenged, not yet connected) handshakes. */
  HANDSHAKES_FULL,
  /** An encrypted packet from an address with no connection. */
  NOT_CONNECTED,
  /** The packet failed authentication (forged, altered, wrong key). */
  AUTH_FAILED,
  /** The sequence was already received or is older than the replay window. */
  REPLAYED,
  /** A packet type not allowed in the connection's current state. */
  OUT_OF_PHASE,
  /** The echoed challenge did not match. */
  BAD_CHALLENGE,
  /**
   * A connected peer's reliable-channel packet did not parse: truncated, a fragment announcing more
   * than {@link ReliableChannel#MAX_MESSAGE_FRAGMENTS} fragments, or a fragment count that changed
   * within one message. The connection is closed.
   */
  BAD_RELIABLE_PACKET
}
