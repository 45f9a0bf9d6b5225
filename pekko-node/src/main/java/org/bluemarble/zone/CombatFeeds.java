package org.bluemarble.zone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.combat.CellCombat;
import org.bluemarble.zone.combat.CombatFact;

/**
 * The combat feeds of a cell's players ({@link CellFights}): each player here, and each visitor of
 * a neighbour cell whose ability resolved here, gets the facts of a tick that involve it or an
 * entity within its area of interest, with the vitals those facts changed and the correlation ids
 * of its refusals, as one {@link SessionEvent.CombatFeed} per tick.
 */
final class CombatFeeds {
  private final CellSimulation sim;
  private final CellCombat combat;
  private final CellReach reach;
  private final CellCombat.Whereabouts where;
  private final double aoiMeters;
  private final double radius;

  CombatFeeds(
      CellSimulation sim,
      CellCombat combat,
      CellReach reach,
      CellCombat.Whereabouts where,
      double aoiMeters,
      double radius) {
    this.sim = sim;
    this.combat = combat;
    this.reach = reach;
    this.where = where;
    this.aoiMeters = aoiMeters;
    this.radius = radius;
  }

  /**
   * Pushes to every player here ({@code players}) and every visitor of this tick the facts it sees,
   * as one {@link SessionEvent.CombatFeed}.
   */
  void push(
      List<CombatFact> facts, Map<CombatFact, Long> refused, CellRoster roster, Set<Long> players) {
    for (long observer : players) {
      CellRoster.Link link = roster.get(observer);
      GeoPosition at = sim.positionOf(observer); // a dead observer still hears its feed
      if (link == null || at == null) {
        continue;
      }
      pushTo(observer, link, at, facts, refused, false);
    }
    for (Long visitor : reach.visitors()) {
      CellRoster.Link link = reach.link(visitor, roster);
      CellCombat.Place p = reach.place(visitor, where.where(visitor));
      if (link != null && p != null && !players.contains(visitor)) {
        pushTo(
            visitor,
            link,
            new GeoPosition(p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters()),
            facts,
            refused,
            true);
      }
    }
  }

  /**
   * Pushes to {@code observer} the facts it sees; a visitor (a neighbour's player) is not told of
   * its own ability's use again (its cell told it).
   */
  private void pushTo(
      long observer,
      CellRoster.Link link,
      GeoPosition at,
      List<CombatFact> facts,
      Map<CombatFact, Long> refused,
      boolean visitor) {
    List<CombatFact> seen = null;
    for (CombatFact f : facts) {
      if (visitor && f instanceof CombatFact.AbilityUsed u && u.userId() == observer) {
        continue;
      }
      if (concerns(f, observer, at)) {
        if (seen == null) {
          seen = new ArrayList<>();
        }
        seen.add(f);
      }
    }
    if (seen != null) {
      link.session().tell(feed(observer, seen, refused));
    }
  }

  /** The feed of {@code observer}: its facts, the vitals they changed, its refusals' ids. */
  private SessionEvent.CombatFeed feed(
      long observer, List<CombatFact> seen, Map<CombatFact, Long> refused) {
    List<SessionEvent.CombatFeed.Vital> vitals = new ArrayList<>();
    Set<Long> done = new HashSet<>();
    List<Long> ids = new ArrayList<>();
    for (CombatFact f : seen) {
      if (f instanceof CombatFact.Refused) {
        ids.add(refused.getOrDefault(f, 0L));
        continue;
      }
      long affected = affected(f);
      if (affected != 0 && done.add(affected)) {
        combat
            .combatant(affected)
            .ifPresent(
                c ->
                    vitals.add(
                        new SessionEvent.CombatFeed.Vital(
                            affected,
                            c.health(),
                            c.sheet().maxHealth(),
                            c.mana(),
                            c.sheet().maxMana())));
      }
    }
    return new SessionEvent.CombatFeed(observer, seen, vitals, ids);
  }

  /** The entity whose health or mana a fact changed, or 0. */
  private static long affected(CombatFact f) {
    if (f instanceof CombatFact.Hit h) {
      return h.targetId();
    } else if (f instanceof CombatFact.Healed h) {
      return h.targetId();
    } else if (f instanceof CombatFact.Died d) {
      return d.victimId();
    } else if (f instanceof CombatFact.Respawned r) {
      return r.entityId();
    } else if (f instanceof CombatFact.AbilityUsed u) {
      return u.userId();
    }
    return 0;
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
      CellCombat.Place p = where.where(id);
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
      return new long[] {h.targetId(), h.userId()};
    } else if (f instanceof CombatFact.Missed m) {
      return new long[] {m.targetId(), m.userId()};
    } else if (f instanceof CombatFact.Healed h) {
      return new long[] {h.targetId(), h.userId()};
    } else if (f instanceof CombatFact.EffectApplied e) {
      return new long[] {e.targetId(), e.userId()};
    } else if (f instanceof CombatFact.Died d) {
      // the killer too: a creature killed this tick has already left the population (no place)
      return new long[] {d.victimId(), d.killerId()};
    } else if (f instanceof CombatFact.LootDropped l) {
      return new long[] {l.playerId()};
    } else if (f instanceof CombatFact.Respawned r) {
      return new long[] {r.entityId()};
    } else if (f instanceof CombatFact.Refused r) {
      return new long[] {r.userId()};
    }
    return new long[0];
  }
}
