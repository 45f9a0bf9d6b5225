package org.bluemarble.edge.market;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.MarketPort;

/**
 * The admin economy tools under {@code /admin/v1/economy}: a player's wallet, grants through the
 * mint, freezing a player's trading, a player's trust tier, the cluster-wide read-only switch and
 * the ledger invariant check. The admin-API wrapper around {@code /admin} checks roles and audits
 * every non-GET request; these routes add no auth of their own.
 */
public final class AdminEconomyRoutes extends AllDirectives {
  private static final String BASE = "/admin/v1/economy";

  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET",
              BASE + "/players/{playerId}/wallet",
              Set.of(Role.MODERATOR),
              "A player's wallet, honor points, items, freeze flag and ledger lines"),
          new AdminEndpoint(
              "POST",
              BASE + "/players/{playerId}/grants",
              Set.of(),
              "Grant copper, honor or items through the mint (idempotent by requestId)"),
          new AdminEndpoint(
              "PUT",
              BASE + "/players/{playerId}/freeze",
              Set.of(Role.MODERATOR),
              "Freeze or unfreeze a player's trading"),
          new AdminEndpoint(
              "PUT",
              BASE + "/players/{playerId}/trust-tier",
              Set.of(),
              "Set a player's trust tier (limits on open listings, orders, auctions and value)"),
          new AdminEndpoint(
              "GET", BASE + "/status", Set.of(Role.MODERATOR), "The read-only switch and the mint"),
          new AdminEndpoint(
              "PUT",
              BASE + "/read-only",
              Set.of(),
              "Switch the whole economy to read-only (writes answer 503) or back"),
          new AdminEndpoint(
              "GET",
              BASE + "/ledger",
              Set.of(Role.DEVELOPER),
              "Ledger invariant: all balances against minted minus burned"));

  /** Body of a grant; {@code requestId} makes a retried grant apply once (generated if absent). */
  public record Grant(
      Long copper, Long honor, List<MarketPort.Stack> items, String reason, String requestId) {}

  /** Body of a freeze. */
  public record Freeze(Boolean frozen, String reason) {}

  /** Body of a trust tier change: one of NEWCOMER, ESTABLISHED, TRUSTED, RESPECTED, ELITE. */
  public record TrustTierChange(String tier, String reason) {}

  /** Body of the read-only switch. */
  public record ReadOnly(Boolean readOnly, String reason) {}

  private final MarketPort market;

  public AdminEconomyRoutes(MarketPort market) {
    this.market = market;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("v1").slash("economy"),
        () ->
            concat(
                path(
                    PathMatchers.segment("players").slash(PathMatchers.segment()).slash("wallet"),
                    id -> get(() -> MarketHttp.reply(market.wallet(id), StatusCodes.OK))),
                path(
                    PathMatchers.segment("players").slash(PathMatchers.segment()).slash("grants"),
                    id -> post(() -> JsonBodies.read(Grant.class, b -> grant(id, b)))),
                path(
                    PathMatchers.segment("players").slash(PathMatchers.segment()).slash("freeze"),
                    id -> put(() -> JsonBodies.read(Freeze.class, b -> freeze(id, b)))),
                path(
                    PathMatchers.segment("players")
                        .slash(PathMatchers.segment())
                        .slash("trust-tier"),
                    id -> put(() -> JsonBodies.read(TrustTierChange.class, b -> trustTier(id, b)))),
                path("status", () -> get(() -> MarketHttp.reply(market.status(), StatusCodes.OK))),
                path("read-only", () -> put(() -> JsonBodies.read(ReadOnly.class, this::readOnly))),
                path(
                    "ledger",
                    () -> get(() -> MarketHttp.reply(market.ledgerCheck(), StatusCodes.OK)))));
  }

  private Route grant(String playerId, Grant b) {
    long copper = b.copper() == null ? 0 : b.copper();
    long honor = b.honor() == null ? 0 : b.honor();
    if (copper < 0 || honor < 0) {
      return MarketHttp.invalid("copper", "copper and honor must be >= 0");
    }
    String key =
        "admin-grant:" + (b.requestId() == null ? UUID.randomUUID().toString() : b.requestId());
    String reason = b.reason() == null ? "admin grant" : b.reason();
    return MarketHttp.reply(
        market.mint(
            key, playerId, copper, honor, b.items() == null ? List.of() : b.items(), reason),
        StatusCodes.OK);
  }

  private Route freeze(String playerId, Freeze b) {
    if (b.frozen() == null) {
      return MarketHttp.invalid("frozen", "frozen (true/false) is required");
    }
    return MarketHttp.reply(
        market.freeze(playerId, b.frozen(), b.reason() == null ? "" : b.reason()), StatusCodes.OK);
  }

  private Route trustTier(String playerId, TrustTierChange b) {
    if (b.tier() == null || b.tier().isBlank()) {
      return MarketHttp.invalid("tier", "tier is required");
    }
    if (b.reason() == null || b.reason().isBlank()) {
      return MarketHttp.invalid("reason", "a reason is required to change a trust tier");
    }
    return MarketHttp.reply(market.setTrustTier(playerId, b.tier(), b.reason()), StatusCodes.OK);
  }

  private Route readOnly(ReadOnly b) {
    if (b.readOnly() == null) {
      return MarketHttp.invalid("readOnly", "readOnly (true/false) is required");
    }
    if (b.readOnly() && (b.reason() == null || b.reason().isBlank())) {
      return MarketHttp.invalid("reason", "a reason is required to switch the economy read-only");
    }
    return MarketHttp.reply(
        market.setReadOnly(b.readOnly(), b.reason() == null ? "" : b.reason()), StatusCodes.OK);
  }
}
