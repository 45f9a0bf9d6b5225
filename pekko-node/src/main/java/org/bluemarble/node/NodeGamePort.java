package org.bluemarble.node;

import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.ExternalIdentityPort;
import org.bluemarble.edge.port.GamePort;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.LeaderboardPort;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.WorldAdminPort;

/** The node's implementation of the edge's port: one field per area of the game. */
record NodeGamePort(
    PlayerAdminPort players,
    PlanetPort planets,
    HealthPort health,
    AccountPort accounts,
    WorldAdminPort world,
    PlayPort play,
    MarketPort market,
    AdminPort admin,
    ExternalIdentityPort externalIdentities,
    LeaderboardPort leaderboards,
    org.bluemarble.edge.port.SocialPort social)
    implements GamePort {

  @Override
  public org.bluemarble.edge.port.AbilityBook abilityBook() {
    return org.bluemarble.combat.AbilityBooks.forClients();
  }
}
