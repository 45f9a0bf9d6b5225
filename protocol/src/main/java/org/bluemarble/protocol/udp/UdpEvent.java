package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;

/** What an endpoint reports to its owner after handling input. */
public sealed interface UdpEvent {

  /** The peer at this address. */
  InetSocketAddress address();

  /** A connection completed its handshake. */
  record Connected(InetSocketAddress address, String playerId) implements UdpEvent {}

  /** An authenticated payload arrived (channel data). */
  record Payload(InetSocketAddress address, String playerId, byte[] data) implements UdpEvent {}

  /** A connection ended. */
  record Disconnected(InetSocketAddress address, String playerId, Reason reason)
      implements UdpEvent {}

  /** Why a connection ended. */
  enum Reason {
    /** The peer sent a disconnect packet. */
    PEER_DISCONNECTED,
    /** Nothing was received for the token's timeout. */
    TIMED_OUT,
    /** This side closed it. */
    CLOSED_LOCALLY,
    /** The same player connected again from elsewhere. */
    REPLACED,
    /** The client's token expired before the handshake completed. */
    TOKEN_EXPIRED
  }
}
