package org.bluemarble.zone.combat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.combat.Combatant;
import org.bluemarble.combat.Refusal;

/**
 * The visitor path of a {@link CellCombat}: abilities of a neighbour cell's players on fighters
 * here ({@link CellCombat.Visit}), already checked and paid for in the user's cell, queued and
 * resolved in the next tick after this cell's own requests. Each user joins as a visitor (its own
 * fighter if it was handed here meanwhile) for its ability only: visitors are never targets, never
 * in an area, never sensed by creatures, and leave before the creatures think. While visits resolve
 * nothing is forwarded on (no ping-pong between cells).
 */
final class CellVisits {
  private final List<CellCombat.Visit> queue = new ArrayList<>();
  private boolean visiting;

  void add(CellCombat.Visit v) {
    queue.add(v);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Whether neighbours' visits are resolving now (then no ability is forwarded). */
  boolean visiting() {
    return visiting;
  }

  /**
   * Resolves the queued visits in arrival order against {@code fighters}: each is checked again
   * (target, range from the user's ghost here, line of sight, PvP) by {@code combat}, then resolves
   * as if the user stood here; the outcome is an {@link CombatFact.AbilityUsed} and its effects, or
   * a {@link CombatFact.Refused} of the user.
   */
  void resolve(
      CellCombat combat,
      Map<Long, Fighter> fighters,
      CellCombat.Whereabouts where,
      long tick,
      long now,
      List<CombatFact> facts,
      int[] seq) {
    List<CellCombat.Visit> batch = List.copyOf(queue);
    queue.clear();
    visiting = true;
    for (CellCombat.Visit v : batch) {
      Fighter user = fighters.get(v.userId());
      boolean visitor = user == null;
      if (visitor) {
        user = new Fighter(new Combatant(v.userId(), v.sheet()), v.cls(), null, v.pvpFlag(), true);
        fighters.put(v.userId(), user);
      }
      CellCombat.Whereabouts at = visitor ? carried(where, v) : where;
      Optional<Ability> found = Abilities.find(v.abilityId());
      Refusal refusal;
      if (!user.player() || found.isEmpty() || !Abilities.knows(user.cls, found.get())) {
        refusal = Refusal.UNKNOWN_ABILITY;
      } else {
        refusal = combat.targetProblem(user, found.get(), v.targetId(), at);
      }
      if (refusal == null) {
        facts.add(new CombatFact.AbilityUsed(tick, v.userId(), v.abilityId(), v.targetId()));
        combat.resolve(user, found.get(), v.targetId(), 0, at, now, facts, seq);
      } else {
        combat.refuse(v.userId(), v.abilityId(), refusal, facts);
      }
      if (visitor) {
        fighters.remove(v.userId());
      }
    }
    visiting = false;
  }

  /** {@code where}, but the visitor of {@code v} stands where its cell said if not seen here. */
  private static CellCombat.Whereabouts carried(CellCombat.Whereabouts where, CellCombat.Visit v) {
    return new CellCombat.Whereabouts() {
      @Override
      public CellCombat.Place where(long id) {
        CellCombat.Place p = where.where(id);
        return p == null && id == v.userId() ? v.from() : p;
      }

      @Override
      public CellCombat.Place home(long creatureId) {
        return where.home(creatureId);
      }
    };
  }
}
