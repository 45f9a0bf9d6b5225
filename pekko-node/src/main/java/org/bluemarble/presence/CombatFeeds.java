package org.bluemarble.presence;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.edge.port.CombatPush;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.zone.SessionEvent;
import org.bluemarble.zone.combat.CombatFact;

/**
 * A cell's {@link SessionEvent.CombatFeed} → the {@link CombatPush}es of the play port: one {@link
 * CombatPush.Events} with the tick's events and vitals, and one {@link CombatPush.Refused} per
 * refused request of the player. Loot is not an event here: it reaches the client once credited.
 */
final class CombatFeeds {
  private CombatFeeds() {}

  /**
   * Tells {@code listener} (may be null) what {@code feed} says; {@code tickMillis} is the length
   * of the cell's simulation tick (for effect durations).
   */
  static void deliver(SessionEvent.CombatFeed feed, WorldListener listener, long tickMillis) {
    if (listener == null) {
      return;
    }
    List<CombatPush.Event> events = new ArrayList<>();
    List<CombatPush.Refused> refused = new ArrayList<>();
    long tick = 0;
    int r = 0;
    for (CombatFact f : feed.facts()) {
      tick = Math.max(tick, f.tick());
      if (f instanceof CombatFact.Refused x) {
        long id = r < feed.refusedCorrelations().size() ? feed.refusedCorrelations().get(r) : 0;
        r++;
        refused.add(
            new CombatPush.Refused(
                id,
                CombatPush.Reason.valueOf(x.refusal().name()),
                x.abilityId() + " refused: " + x.refusal().name()));
      } else {
        CombatPush.Event e = event(f, tickMillis);
        if (e != null) {
          events.add(e);
        }
      }
    }
    if (!events.isEmpty() || !feed.vitals().isEmpty()) {
      List<CombatPush.Vitals> vitals = new ArrayList<>();
      for (SessionEvent.CombatFeed.Vital v : feed.vitals()) {
        vitals.add(
            new CombatPush.Vitals(v.entityId(), v.health(), v.maxHealth(), v.mana(), v.maxMana()));
      }
      listener.onCombat(new CombatPush.Events(tick, events, vitals));
    }
    refused.forEach(listener::onCombat);
  }

  /** The wire event of a fact, or null for facts that are not shown as events (loot). */
  static CombatPush.Event event(CombatFact f, long tickMillis) {
    if (f instanceof CombatFact.AbilityUsed u) {
      return of(CombatPush.Kind.ABILITY_USED, u.userId(), u.targetId(), u.abilityId());
    } else if (f instanceof CombatFact.Hit h) {
      return new CombatPush.Event(
          CombatPush.Kind.HIT,
          h.userId(),
          h.targetId(),
          h.abilityId(),
          h.amount(),
          h.absorbed(),
          h.crit(),
          h.healthLeft(),
          null,
          0,
          0);
    } else if (f instanceof CombatFact.Missed m) {
      return of(CombatPush.Kind.MISS, m.userId(), m.targetId(), m.abilityId());
    } else if (f instanceof CombatFact.Healed h) {
      return new CombatPush.Event(
          CombatPush.Kind.HEAL,
          h.userId(),
          h.targetId(),
          h.abilityId(),
          h.amount(),
          0,
          false,
          h.healthLeft(),
          null,
          0,
          0);
    } else if (f instanceof CombatFact.EffectApplied e) {
      CombatPush.Effect effect =
          switch (e.kind()) {
            case DOT -> CombatPush.Effect.DAMAGE_OVER_TIME;
            case SLOW -> CombatPush.Effect.SLOW;
            case STUN -> CombatPush.Effect.STUN;
            case SHIELD -> CombatPush.Effect.SHIELD;
          };
      return new CombatPush.Event(
          CombatPush.Kind.EFFECT,
          e.userId(),
          e.targetId(),
          "",
          (int) Math.round(e.magnitude()),
          0,
          false,
          0,
          effect,
          Math.max(0, e.untilMillis() - e.tick() * tickMillis),
          0);
    } else if (f instanceof CombatFact.Died d) {
      return new CombatPush.Event(
          CombatPush.Kind.DEATH,
          d.killerId(),
          d.victimId(),
          d.abilityId(),
          0,
          0,
          false,
          0,
          null,
          0,
          d.experience());
    } else if (f instanceof CombatFact.Respawned r) {
      return of(CombatPush.Kind.RESPAWN, 0, r.entityId(), "");
    }
    return null;
  }

  private static CombatPush.Event of(CombatPush.Kind kind, long user, long target, String ability) {
    return new CombatPush.Event(kind, user, target, ability, 0, 0, false, 0, null, 0, 0);
  }
}
