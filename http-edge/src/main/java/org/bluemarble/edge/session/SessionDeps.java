package org.bluemarble.edge.session;

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
 */
public record SessionDeps(
    AccessTokenCheck tokens,
    PlayPort play,
    UdpTokens udp,
    String serverName,
    int snapshotBudgetBytes,
    int maxBadFrames) {}
