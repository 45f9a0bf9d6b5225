package org.bluemarble.protocol.udp;

/** The first byte of every UDP datagram; see {@link UdpWire} for each type's layout. */
public enum PacketType {
  /** Client to server, plain and padded: the sealed connect token. */
  REQUEST(0),
  /** Server to client, encrypted: a random challenge to echo. */
  CHALLENGE(1),
  /** Client to server, encrypted: the echoed challenge. */
  RESPONSE(2),
  /** Either way, encrypted, empty: keeps the connection alive and confirms it to the client. */
  KEEP_ALIVE(3),
  /** Either way, encrypted: channel data (see ChannelMux). */
  PAYLOAD(4),
  /** Either way, encrypted, empty: the sender closes the connection. */
  DISCONNECT(5);

  private static final PacketType[] BY_ID = values();

  private final int id;

  PacketType(int id) {
    this.id = id;
  }

  /** The wire value. */
  public int id() {
    return id;
  }

  /** The type for a wire value, or null if unknown. */
  static PacketType fromId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
