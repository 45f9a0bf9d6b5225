package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Server-side state of one client address: pending (challenged) or connected. */
final class ServerConnection {

  final InetSocketAddress address;
  final PrivateToken token;
  final ByteBuffer tokenNonce;
  final byte[] challenge;
  final ReplayWindow replay = new ReplayWindow();
  boolean connected;
  long nextSequence;
  long lastReceivedMs;
  long lastSentMs;
  final long createdMs;

  ServerConnection(
      InetSocketAddress address,
      PrivateToken token,
      ByteBuffer tokenNonce,
      byte[] challenge,
      long nowMs) {
    this.address = address;
    this.token = token;
    this.tokenNonce = tokenNonce;
    this.challenge = challenge;
    this.createdMs = nowMs;
    this.lastReceivedMs = nowMs;
    this.lastSentMs = nowMs;
  }
}
