package org.bluemarble.edge.session;

import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.PlayPort;

/**
 * What every {@link GameSession} of a node shares.
 *
 * @param tokens the authentication hook
 * @param play the world
 * @param udp connect tokens for the UDP edge; null when the node has no UDP edge
 * @param serverName sent in HelloAccepted
 * @param snapshotBudgetBytes payload budget of one snapshot (≥ 16)
 * @param maxBadFrames undecodable frames tolerated per connection before it is closed
 * @param market the economy for its game-protocol messages; null when the node has none
 * @param security revocation, session re-checks and rate limits of economy messages, and the
 *     executor of blocking checks; null: none (tests of other areas)
 */
public record SessionDeps(
    AccessTokenCheck tokens,
    PlayPort play,
    UdpTokens udp,
    String serverName,
    int snapshotBudgetBytes,
    int maxBadFrames,
    MarketPort market,
    SessionSecurity security) {

  /** Deps without {@link SessionSecurity}. */
  public SessionDeps(
      AccessTokenCheck tokens,
      PlayPort play,
      UdpTokens udp,
      String serverName,
      int snapshotBudgetBytes,
      int maxBadFrames,
      MarketPort market) {
    this(tokens, play, udp, serverName, snapshotBudgetBytes, maxBadFrames, market, null);
  }

  /** Deps of a node without an economy. */
  public SessionDeps(
      AccessTokenCheck tokens,
      PlayPort play,
      UdpTokens udp,
      String serverName,
      int snapshotBudgetBytes,
      int maxBadFrames) {
    this(tokens, play, udp, serverName, snapshotBudgetBytes, maxBadFrames, null);
  }
}
