package org.bluemarble.zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.combat.PvpZones;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.combat.CellCombat;
import org.bluemarble.zone.combat.CombatFact;
import org.bluemarble.zone.internal.Vectors;

/**
 * Ties a cell's {@link CellCombat} to its simulation: before each combat step the fighters are
 * brought in line with the cell's population (players and creatures simulated here; ghosts of
 * neighbours are not fought here), positions and creature homes come from the simulation, the PvP
 * zone of a point from its biome, and the step's facts go to every player here within the area of
 * interest of the acting or affected entity, as one {@link SessionEvent.CombatFeed} per player and
 * tick. Players fight at level 1 without gear until their sheet comes from their profile.
 */
final class CellFights implements CellCombat.Whereabouts {
  /** Players respawn after this long (ms), creatures after this long. */
  static final long PLAYER_RESPAWN_MILLIS = 10_000;

  static final long CREATURE_RESPAWN_MILLIS = 120_000;

  private final CellSimulation sim;
  private final CellCombat combat;
  private final double aoiMeters;
  private final double radius;
  private final Set<Long> players = new HashSet<>();
  private final Map<Long, GeoPosition> homes = new HashMap<>();
  private final Set<Long> present = new HashSet<>();

  CellFights(CellSimulation sim, ZoneSettings settings, Terrain terrain, long planetSeed) {
    this.sim = sim;
    this.radius = settings.sphere().radiusMeters();
    this.aoiMeters = settings.aoiRadiusMeters();
    long seed = EntityIds.mix(planetSeed ^ sim.cellId().id());
    PvpZones zones = new PvpZones(0, 0, -1, PvpZones.DEFAULT_OPEN_BIOMES, radius);
    this.combat =
        new CellCombat(
            seed,
            new CellCombat.Settings(
                Math.round(settings.tickSeconds() * 1000),
                radius,
                PLAYER_RESPAWN_MILLIS,
                CREATURE_RESPAWN_MILLIS),
            terrain::elevationMeters,
            (lat, lng) -> zones.at(lat, lng, terrain.biome(lat, lng)));
    for (Creature c : sim.creatures()) {
      homes.put(c.id, Vectors.toPosition(c.home[0], c.home[1], c.home[2], c.altitudeMeters, 0.0));
      combat.joinCreature(c.id, c.kind);
    }
  }

  /** Queues a player's ability for the next tick. */
  void useAbility(long playerId, String abilityId, long targetId) {
    combat.request(playerId, abilityId, targetId);
  }

  CellCombat combat() {
    return combat;
  }

  /**
   * Runs combat for {@code tick}, pushes the facts to observers and grants the killers their
   * experience through {@code outbox}; returns the facts.
   */
  List<CombatFact> tick(long tick, CellRoster roster, CellOutbox outbox) {
    syncPlayers();
    if (players.isEmpty() && combat.quiet()) {
      // nobody to fight or see it; the dead come back on the first tick with players
      return List.of();
    }
    List<CombatFact> facts = combat.tick(tick, this);
    if (!facts.isEmpty()) {
      push(facts, roster);
      grant(facts, roster, outbox);
    }
    return facts;
  }

  private void grant(List<CombatFact> facts, CellRoster roster, CellOutbox outbox) {
    for (CombatFact f : facts) {
      if (f instanceof CombatFact.Died d && d.experience() > 0) {
        CellRoster.Link killer = roster.get(d.killerId());
        if (killer != null) {
          outbox.grantExperience(
              killer.playerId(),
              d.experience(),
              "kill:" + d.victimId(),
              "kill:" + CellIds.entityId(sim.cellId()) + ":" + d.victimId() + ":" + d.tick());
        }
      }
    }
  }

  private void syncPlayers() {
    present.clear();
    CellPopulation pop = sim.population();
    for (int slot = 0; slot < pop.size(); slot++) {
      if (pop.kind(slot) == EntityKind.PLAYER && !pop.isGhost(slot)) {
        long id = pop.id(slot);
        present.add(id);
        if (players.add(id)) {
          CharacterClass cls = sim.classOf(id);
          combat.joinPlayer(
              id,
              cls == null ? CharacterClass.WARRIOR : cls,
              CharacterSheet.of(cls == null ? CharacterClass.WARRIOR : cls, 1, List.of()),
              false);
        }
      }
    }
    if (present.size() != players.size()) {
      for (Long id : List.copyOf(players)) {
        if (!present.contains(id)) {
          players.remove(id);
          combat.leave(id);
        }
      }
    }
  }

  private void push(List<CombatFact> facts, CellRoster roster) {
    for (long observer : players) {
      CellRoster.Link link = roster.get(observer);
      GeoPosition at = where(observer) == null ? null : sim.positionOf(observer);
      if (link == null || at == null) {
        continue;
      }
      List<CombatFact> seen = null;
      for (CombatFact f : facts) {
        if (concerns(f, observer, at)) {
          if (seen == null) {
            seen = new ArrayList<>();
          }
          seen.add(f);
        }
      }
      if (seen != null) {
        link.session().tell(new SessionEvent.CombatFeed(observer, seen));
      }
    }
  }

  private boolean concerns(CombatFact f, long observer, GeoPosition at) {
    if (f instanceof CombatFact.Refused r) {
      return r.userId() == observer;
    }
    long[] ids = involved(f);
    for (long id : ids) {
      if (id == observer) {
        return true;
      }
      CellCombat.Place p = where(id);
      if (p != null
          && org.bluemarble.combat.SphereGeometry.surfaceMeters(
                  at.latitudeDeg(), at.longitudeDeg(), p.latitudeDeg(), p.longitudeDeg(), radius)
              <= aoiMeters) {
        return true;
      }
    }
    return false;
  }

  private static long[] involved(CombatFact f) {
    if (f instanceof CombatFact.AbilityUsed u) {
      return new long[] {u.userId(), u.targetId()};
    } else if (f instanceof CombatFact.Hit h) {
      return new long[] {h.targetId()};
    } else if (f instanceof CombatFact.Missed m) {
      return new long[] {m.targetId()};
    } else if (f instanceof CombatFact.Healed h) {
      return new long[] {h.targetId()};
    } else if (f instanceof CombatFact.EffectApplied e) {
      return new long[] {e.targetId()};
    } else if (f instanceof CombatFact.Died d) {
      return new long[] {d.victimId()};
    } else if (f instanceof CombatFact.LootDropped l) {
      return new long[] {l.playerId()};
    } else if (f instanceof CombatFact.Respawned r) {
      return new long[] {r.entityId()};
    } else if (f instanceof CombatFact.Refused r) {
      return new long[] {r.userId()};
    }
    return new long[0];
  }

  @Override
  public CellCombat.Place where(long id) {
    CellPopulation pop = sim.population();
    int slot = pop.slotOf(id);
    if (slot == org.bluemarble.zone.internal.LongIntMap.MISSING) {
      return null;
    }
    GeoPosition p = pop.position(slot);
    return new CellCombat.Place(p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters());
  }

  @Override
  public CellCombat.Place home(long creatureId) {
    GeoPosition h = homes.get(creatureId);
    return h == null
        ? null
        : new CellCombat.Place(h.latitudeDeg(), h.longitudeDeg(), h.altitudeMeters());
  }
}
