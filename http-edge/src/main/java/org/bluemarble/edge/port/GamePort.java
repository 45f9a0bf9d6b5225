package org.bluemarble.edge.port;

/**
 * The one way from the edge into the game. {@code pekko-node} implements it and hands it to the
 * edge at start-up; the edge never sees an actor, a shard or a journal. Each area of the game is a
 * small sub-port.
 */
public interface GamePort {

  /** Players as admins see them. */
  PlayerAdminPort players();

  /** Planet generation and generated planets. */
  PlanetPort planets();

  /** Health of the parts the node depends on. */
  HealthPort health();

  /** Accounts: registration and credential lookups. */
  AccountPort accounts();

  /** The simulated world, for admins. */
  WorldAdminPort world();

  /** Being in the world, for the game edges (WebSocket, UDP); null when the node has no world. */
  default PlayPort play() {
    return null;
  }
}
