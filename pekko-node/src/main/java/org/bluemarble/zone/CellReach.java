package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.market.inventory.ItemDefinition;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.combat.CellCombat;
import org.bluemarble.zone.internal.LongIntMap;

/**
 * Combat across a cell boundary, for one cell's {@link CellFights}. As the user's cell it knows
 * which ids are neighbours' entities (ghosts here), and after the tick sends each ability its
 * combat checked and paid for on such a ghost to the cell that owns it (whose batches show it)
 * ({@link ZoneCell.AbilityFromNeighbour}, with the user's profile, position and session). As the
 * target's cell it turns such a message into a {@link CellCombat.Visit} and keeps, until the tick
 * that resolves it is pushed, the visitor's session and account id: its feed, experience and loot
 * go there. Not thread-safe (one actor owns it).
 */
final class CellReach {
  private record Outgoing(long userId, String abilityId, long targetId, long correlationId) {}

  private final CellSimulation sim;
  private final List<Outgoing> outgoing = new ArrayList<>();
  private final Map<Long, CellRoster.Link> visitorLinks = new HashMap<>();
  private final Map<Long, CellCombat.Place> visitorPlaces = new HashMap<>();

  CellReach(CellSimulation sim) {
    this.sim = sim;
  }

  /** Whether {@code id} is a neighbour's player or creature seen here as a ghost. */
  CellCombat.Ghost ghost(long id) {
    CellPopulation pop = sim.population();
    int slot = pop.slotOf(id);
    if (slot == LongIntMap.MISSING || !pop.isGhost(slot)) {
      return CellCombat.Ghost.NONE;
    }
    return switch (pop.kind(slot)) {
      case PLAYER -> CellCombat.Ghost.PLAYER;
      case NPC -> CellCombat.Ghost.CREATURE;
      case RESOURCE_NODE -> CellCombat.Ghost.NONE;
    };
  }

  /** An ability of player {@code userId} here on ghost {@code targetId}, sent by {@link #send}. */
  void forward(long userId, String abilityId, long targetId, long correlationId) {
    outgoing.add(new Outgoing(userId, abilityId, targetId, correlationId));
  }

  /**
   * Sends the forwarded abilities of this tick to the cells owning their targets (where the ghost
   * stands now). One whose target or user is gone meanwhile is dropped: paid for, it missed.
   */
  void send(CellRoster roster, Map<Long, ZoneCell.CombatProfile> profiles, CellOutbox outbox) {
    if (outgoing.isEmpty()) {
      return;
    }
    CellPopulation pop = sim.population();
    String from = CellIds.entityId(sim.cellId());
    for (Outgoing o : outgoing) {
      int slot = pop.slotOf(o.targetId());
      CellRoster.Link link = roster.get(o.userId());
      GeoPosition at = sim.positionOf(o.userId());
      CharacterClass cls = sim.classOf(o.userId());
      if (slot == LongIntMap.MISSING || !pop.isGhost(slot) || link == null || at == null) {
        continue;
      }
      // the cell whose batches show the ghost owns it (a creature may stray over its cell's edge)
      S2CellId owner = sim.ghostSource(o.targetId());
      if (owner == null || owner.equals(sim.cellId())) {
        continue;
      }
      ZoneCell.CombatProfile profile = profiles.get(o.userId());
      outbox.toCell(
          owner,
          new ZoneCell.AbilityFromNeighbour(
              from,
              link.playerId(),
              o.userId(),
              (cls == null ? CharacterClass.WARRIOR : cls).name(),
              profile == null ? 1 : profile.level(),
              profile == null ? List.of() : profile.wornItemIds(),
              o.abilityId(),
              o.targetId(),
              o.correlationId(),
              at.latitudeDeg(),
              at.longitudeDeg(),
              at.altitudeMeters(),
              link.session()));
    }
    outgoing.clear();
  }

  /**
   * The visit of a neighbour's forwarded ability, its session kept for the feed; null (ignored) if
   * the message is malformed (unknown class, no session, not finite position).
   */
  CellCombat.Visit visit(ZoneCell.AbilityFromNeighbour v) {
    java.util.Optional<CharacterClass> cls = CharacterClass.parse(v.characterClass());
    if (cls.isEmpty()
        || v.session() == null
        || v.playerId() == null
        || v.abilityId() == null
        || !Double.isFinite(v.latitudeDeg())
        || !Double.isFinite(v.longitudeDeg())
        || !Double.isFinite(v.altitudeMeters())) {
      return null;
    }
    List<ItemDefinition> worn = new ArrayList<>();
    for (String item : v.wornItemIds()) {
      CellFights.CATALOG.find(item).ifPresent(worn::add);
    }
    CharacterSheet sheet =
        CharacterSheet.of(cls.get(), Math.max(1, Math.min(100, v.level())), worn);
    CellCombat.Place from =
        new CellCombat.Place(v.latitudeDeg(), v.longitudeDeg(), v.altitudeMeters());
    visitorLinks.put(v.userId(), new CellRoster.Link(v.playerId(), v.session()));
    visitorPlaces.put(v.userId(), from);
    return new CellCombat.Visit(
        v.userId(), cls.get(), sheet, false, v.abilityId(), v.targetId(), from);
  }

  /** The link of {@code id}: a player here, else a visitor of this tick; null if neither. */
  CellRoster.Link link(long id, CellRoster roster) {
    CellRoster.Link here = roster.get(id);
    return here != null ? here : visitorLinks.get(id);
  }

  /** {@code seen} (where the cell sees it), else where visitor {@code id}'s cell said it stood. */
  CellCombat.Place place(long id, CellCombat.Place seen) {
    return seen != null ? seen : visitorPlaces.get(id);
  }

  /** The visitors of this tick. */
  Set<Long> visitors() {
    return visitorLinks.keySet();
  }

  boolean visited() {
    return !visitorLinks.isEmpty();
  }

  /** The tick's visits are pushed: forget them. */
  void clearVisitors() {
    visitorLinks.clear();
    visitorPlaces.clear();
  }
}
