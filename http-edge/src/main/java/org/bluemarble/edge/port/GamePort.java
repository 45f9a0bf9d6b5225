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

  /**
   * Links of external (OpenID Connect) identities to accounts; null when the game has none, and
   * then the {@code /v1/auth/oidc} routes are not served.
   */
  default ExternalIdentityPort externalIdentities() {
    return null;
  }

  /** The simulated world, for admins. */
  WorldAdminPort world();

  /** Being in the world, for the game edges (WebSocket, UDP); null when the node has no world. */
  default PlayPort play() {
    return null;
  }

  /**
   * The economy: marketplace, trades, wallets, admin tools, payments. Null when the game has no
   * economy (edge tests of other areas); then the economy routes are not served.
   */
  default MarketPort market() {
    return null;
  }

  /**
   * Audit, account administration and cluster operations for the admin API. The default fails every
   * call with UNAVAILABLE, for stand-in games in tests of other areas.
   */
  default AdminPort admin() {
    return AdminPort.unavailable();
  }

  /** The leaderboards ({@code /v1/leaderboards}); the default has every board empty. */
  default LeaderboardPort leaderboards() {
    return LeaderboardPort.EMPTY;
  }

  /** The abilities of each character class, for clients; empty when the game has no combat. */
  default AbilityBook abilityBook() {
    return AbilityBook.empty();
  }

  /**
   * Friends, guilds and parties for web and mobile clients; {@link SocialPort#UNAVAILABLE} when the
   * game has none.
   */
  default SocialPort social() {
    return SocialPort.UNAVAILABLE;
  }
}
