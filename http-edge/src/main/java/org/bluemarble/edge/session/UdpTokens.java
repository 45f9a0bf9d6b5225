package org.bluemarble.edge.session;

import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;

/**
 * Issues UDP connect tokens for authenticated sessions: the issuer with the deployment's server
 * key, the UDP edge's public "host:port", and lifetimes.
 *
 * @param lifetimeMs how long a token may be used to connect
 * @param timeoutMs idle timeout of the UDP connection it opens
 */
public record UdpTokens(
    ConnectTokenIssuer issuer, String publicAddress, long lifetimeMs, int timeoutMs) {

  /** A token admitting {@code playerId} (a character of the session's account) at {@code nowMs}. */
  public ConnectToken issue(String playerId, long nowMs) {
    return issuer.issue(playerId, publicAddress, nowMs, lifetimeMs, timeoutMs);
  }
}
