package org.bluemarble.zone.combat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.combat.CombatRoll;
import org.bluemarble.combat.Combatant;
import org.bluemarble.combat.DamageRules;
import org.bluemarble.combat.Experience;
import org.bluemarble.combat.LineOfSight;
import org.bluemarble.combat.Outcome;
import org.bluemarble.combat.PvpZone;
import org.bluemarble.combat.Refusal;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.zone.CreatureKind;

/**
 * Combat inside one zone cell, advanced by the cell's tick: players' ability requests are validated
 * (known ability, user able, cooldown and cost, target alive and of the right side, in range on the
 * sphere, in line of sight over the terrain, PvP zone rules) and resolved, casts finish, damage
 * over time bites, creatures think and attack, the dead respawn after a delay. All randomness comes
 * from {@link CombatRoll} seeded with the cell's seed, the tick, the actor and the action's
 * sequence, and fighters are visited in id order, so the same requests at the same ticks give the
 * same {@link CombatFact}s on any node: a replay reproduces deaths and loot. Pure Java, owned by
 * the cell's actor.
 */
public final class CellCombat {
  /** Range checks allow this much slack for movement between the client's view and the tick. */
  static final double RANGE_SLACK_METERS = 1.0;

  /** Ranged abilities (range above this) gain the wielded weapon's range bonus. */
  static final double RANGED_ABOVE_METERS = 10.0;

  /** Creatures think every this many ticks (staggered by id). */
  static final int THINK_EVERY_TICKS = 3;

  /** Where a fighter is: degrees and metres. */
  public record Place(double latitudeDeg, double longitudeDeg, double altitudeMeters) {}

  /** What a neighbour cell owns and this cell sees as a ghost. */
  public enum Ghost {
    /** Not a ghost here (unknown, or simulated here). */
    NONE,
    PLAYER,
    CREATURE
  }

  /**
   * Positions the cell knows: of any fighter or ghost, and a creature's home (null if unknown); and
   * the neighbours: whether an id is a ghost here, and where an ability on a ghost goes.
   */
  public interface Whereabouts {
    Place where(long id);

    Place home(long creatureId);

    /** Whether {@code id} is owned by a neighbour and seen here as a ghost. */
    default Ghost ghost(long id) {
      return Ghost.NONE;
    }

    /**
     * Player {@code userId} (simulated here) used {@code abilityId} on {@code targetId}, a ghost:
     * checked here, to be resolved by the cell owning the target ({@link #visit}).
     */
    default void forward(long userId, String abilityId, long targetId, long correlationId) {}
  }

  /**
   * The PvP zone of a point (from the planet's regions, see {@link
   * org.bluemarble.combat.PvpZones}).
   */
  @FunctionalInterface
  public interface Regions {
    PvpZone zoneAt(double latitudeDeg, double longitudeDeg);
  }

  /**
   * Tick length, planet radius, and how long the dead stay dead (players, creatures), all in
   * milliseconds and metres.
   */
  public record Settings(
      long tickMillis,
      double planetRadiusMeters,
      long playerRespawnMillis,
      long creatureRespawnMillis) {
    public Settings {
      if (tickMillis <= 0
          || planetRadiusMeters <= 0
          || playerRespawnMillis < 0
          || creatureRespawnMillis < 0) {
        throw new IllegalArgumentException("bad combat settings");
      }
    }
  }

  private record Request(long userId, String abilityId, long targetId, long correlationId) {}

  private record Cast(
      long userId, Ability ability, long targetId, long resolveAtMillis, long correlationId) {}

  /**
   * An ability of a neighbour's player on a fighter here, already checked and paid for there: the
   * user's class, sheet and PvP flag, and where the neighbour had it (used when its ghost is not
   * seen here).
   */
  public record Visit(
      long userId,
      CharacterClass cls,
      CharacterSheet sheet,
      boolean pvpFlag,
      String abilityId,
      long targetId,
      Place from) {}

  private final long cellSeed;
  private final Settings settings;
  private final CombatSpace space;
  private final Regions regions;
  private final TreeMap<Long, Fighter> fighters = new TreeMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final List<Cast> casts = new ArrayList<>();
  private final CellVisits visits = new CellVisits();
  private final Map<Long, Integer> refusals = new HashMap<>();
  private long tick;

  public CellCombat(long cellSeed, Settings settings, LineOfSight.Ground ground, Regions regions) {
    this.cellSeed = cellSeed;
    this.settings = settings;
    this.space = new CombatSpace(ground, settings.planetRadiusMeters());
    this.regions = regions;
  }

  /** A player joins (entering the cell or handed in) with its sheet and PvP flag. */
  public void joinPlayer(long id, CharacterClass cls, CharacterSheet sheet, boolean pvpFlag) {
    fighters.put(id, new Fighter(new Combatant(id, sheet), cls, null, pvpFlag));
  }

  /** A creature of {@code kind} joins at full health. */
  public void joinCreature(long id, CreatureKind kind) {
    fighters.put(
        id, new Fighter(new Combatant(id, CreatureProfiles.sheet(kind, id)), null, kind, false));
  }

  /** A fighter leaves the cell (handoff, logout); its pending requests and casts go with it. */
  public void leave(long id) {
    fighters.remove(id);
    requests.removeIf(r -> r.userId() == id);
    casts.removeIf(c -> c.userId() == id);
  }

  /** Queues a player's ability request for the next tick. */
  public void request(long userId, String abilityId, long targetId) {
    request(userId, abilityId, targetId, 0);
  }

  /**
   * Queues a player's ability request for the next tick; {@code correlationId} goes with it if the
   * target turns out to be a neighbour's ({@link Whereabouts#forward}).
   */
  public void request(long userId, String abilityId, long targetId, long correlationId) {
    requests.add(new Request(userId, abilityId, targetId, correlationId));
  }

  /**
   * Queues a neighbour's forwarded ability for the next tick, after this cell's own requests: the
   * target, range (from the user's ghost here), line of sight and PvP are checked again, then it
   * resolves as if the user stood here; the outcome is an {@link CombatFact.AbilityUsed} and its
   * effects, or a {@link CombatFact.Refused} of the user.
   */
  public void visit(Visit v) {
    visits.add(v);
  }

  public Optional<Combatant> combatant(long id) {
    Fighter f = fighters.get(id);
    return f == null ? Optional.empty() : Optional.of(f.body);
  }

  public Optional<CreatureBrain.State> creatureState(long id) {
    Fighter f = fighters.get(id);
    return f == null || f.brain == null ? Optional.empty() : Optional.of(f.brain.state());
  }

  /** Whom creature {@code id} chases, attacks or flees from (0 if nobody or not a creature). */
  public long creatureTarget(long id) {
    Fighter f = fighters.get(id);
    return f == null || f.brain == null ? 0 : f.brain.targetId();
  }

  /** Requests refused for {@code playerId} since it joined this cell (anti-cheat counter). */
  public int refusals(long playerId) {
    return refusals.getOrDefault(playerId, 0);
  }

  public int size() {
    return fighters.size();
  }

  /** Whether no request or cast waits (then a cell without players may skip its combat step). */
  public boolean quiet() {
    return requests.isEmpty() && casts.isEmpty() && visits.isEmpty();
  }

  /** Advances combat to tick {@code tickNumber}; returns what happened, in order. */
  public List<CombatFact> tick(long tickNumber, Whereabouts where) {
    this.tick = tickNumber;
    long now = tickNumber * settings.tickMillis();
    List<CombatFact> facts = new ArrayList<>();
    int[] seq = {0};
    for (Fighter f : fighters.values()) {
      if (f.body.dead()) {
        continue;
      }
      Combatant.Damage dot = f.body.advance(now, settings.tickMillis());
      if (dot.killed()) {
        died(f, f.body.lastAttackerId(), "dot", now, facts, seq);
      }
    }
    List<Cast> due = new ArrayList<>();
    casts.removeIf(c -> now >= c.resolveAtMillis() && due.add(c));
    for (Cast c : due) {
      Fighter user = fighters.get(c.userId());
      if (user != null && !user.body.dead()) {
        resolve(user, c.ability(), c.targetId(), c.correlationId(), where, now, facts, seq);
      }
    }
    List<Request> batch = List.copyOf(requests);
    requests.clear();
    for (Request r : batch) {
      handle(r, where, now, facts, seq);
    }
    if (!visits.isEmpty()) {
      visits.resolve(this, fighters, where, tick, now, facts, seq);
    }
    for (Fighter f : fighters.values()) {
      if (f.brain != null
          && !f.body.dead()
          && Math.floorMod(tickNumber + f.body.id(), THINK_EVERY_TICKS) == 0) {
        think(f, where, now, facts, seq);
      }
    }
    for (Fighter f : fighters.values()) {
      if (f.body.dead() && f.respawnAtMillis >= 0 && now >= f.respawnAtMillis) {
        f.respawnAtMillis = -1;
        f.body.revive();
        facts.add(new CombatFact.Respawned(tickNumber, f.body.id()));
      }
    }
    return facts;
  }

  private void handle(Request r, Whereabouts where, long now, List<CombatFact> facts, int[] seq) {
    Fighter user = fighters.get(r.userId());
    if (user == null || !user.player()) {
      return; // not here any more (handed off between request and tick)
    }
    Optional<Ability> found = Abilities.find(r.abilityId());
    Refusal refusal;
    if (found.isEmpty() || !Abilities.knows(user.cls, found.get())) {
      refusal = Refusal.UNKNOWN_ABILITY;
    } else {
      Ability a = found.get();
      long targetId =
          a.targeting() == Ability.Targeting.SELF
                  || (a.targeting() == Ability.Targeting.ALLY && r.targetId() == 0)
              ? user.body.id()
              : r.targetId();
      refusal = user.body.check(a, now).orElseGet(() -> targetProblem(user, a, targetId, where));
      if (refusal == null) {
        user.body.begin(a, now);
        facts.add(new CombatFact.AbilityUsed(tick, user.body.id(), a.id(), targetId));
        if (a.castMillis() > 0) {
          casts.add(new Cast(user.body.id(), a, targetId, now + a.castMillis(), r.correlationId()));
        } else {
          resolve(user, a, targetId, r.correlationId(), where, now, facts, seq);
        }
        return;
      }
    }
    refuse(user.body.id(), r.abilityId(), refusal, facts);
  }

  /** Player {@code userId}'s {@code abilityId} is refused: counted, and a fact. */
  void refuse(long userId, String abilityId, Refusal refusal, List<CombatFact> facts) {
    refusals.merge(userId, 1, Integer::sum);
    facts.add(new CombatFact.Refused(tick, userId, abilityId, refusal));
  }

  /** Null if {@code user} may use {@code a} on {@code targetId} now, else why not. */
  Refusal targetProblem(Fighter user, Ability a, long targetId, Whereabouts where) {
    Fighter target = fighters.get(targetId);
    if (target == null && !visits.visiting() && a.targeting() != Ability.Targeting.SELF) {
      Ghost ghost = where.ghost(targetId);
      if (ghost != Ghost.NONE) {
        return ghostProblem(user, a, targetId, ghost == Ghost.PLAYER, where);
      }
    }
    if (target == null || target.body.dead() || target.visitor) {
      return Refusal.INVALID_TARGET;
    }
    boolean self = target == user;
    if (a.targeting() == Ability.Targeting.ENEMY && self) {
      return Refusal.INVALID_TARGET;
    }
    if (a.targeting() == Ability.Targeting.ALLY && !target.player()) {
      return Refusal.INVALID_TARGET;
    }
    if (self) {
      return null;
    }
    Place from = where.where(user.body.id());
    Place to = where.where(targetId);
    Refusal out = space.sightProblem(from, to, reach(user, a));
    if (out != null) {
      return out;
    }
    if (a.hostile() && !mayHurt(user, from, target, to)) {
      return Refusal.PROTECTED_ZONE;
    }
    return null;
  }

  /**
   * What this cell can check of an ability on a neighbour's entity (its ghost here): side, range,
   * line of sight and PvP zones (a player ghost's own PvP flag is the owner's to check); null if
   * nothing is wrong. The owning cell checks again against the user's ghost there.
   */
  private Refusal ghostProblem(
      Fighter user, Ability a, long targetId, boolean targetPlayer, Whereabouts where) {
    if (a.targeting() == Ability.Targeting.ALLY && !targetPlayer) {
      return Refusal.INVALID_TARGET;
    }
    Place from = where.where(user.body.id());
    Place to = where.where(targetId);
    Refusal out = space.sightProblem(from, to, reach(user, a));
    if (out != null) {
      return out;
    }
    if (a.hostile() && !mayHurt(user, from, targetPlayer, true, to)) {
      return Refusal.PROTECTED_ZONE;
    }
    return null;
  }

  private boolean mayHurt(Fighter user, Place from, Fighter target, Place to) {
    return mayHurt(user, from, target.player(), target.pvpFlag, to);
  }

  private boolean mayHurt(
      Fighter user, Place from, boolean targetPlayer, boolean targetFlag, Place to) {
    if (!user.player()) {
      return targetPlayer && regions.zoneAt(to.latitudeDeg(), to.longitudeDeg()) != PvpZone.SAFE;
    }
    return PvpZone.mayAttack(
        regions.zoneAt(from.latitudeDeg(), from.longitudeDeg()),
        regions.zoneAt(to.latitudeDeg(), to.longitudeDeg()),
        targetPlayer,
        user.pvpFlag,
        targetFlag);
  }

  /**
   * Whether a player standing at {@code p} is in a safe zone (the spawn sanctuary, an urban area),
   * where creatures start no fight with it (they still answer one it starts).
   */
  private boolean sheltered(Place p) {
    return p != null && regions.zoneAt(p.latitudeDeg(), p.longitudeDeg()) == PvpZone.SAFE;
  }

  private double reach(Fighter user, Ability a) {
    double bonus = a.rangeMeters() > RANGED_ABOVE_METERS ? user.body.sheet().bonusRangeMeters() : 0;
    return a.rangeMeters() + bonus + RANGE_SLACK_METERS;
  }

  /** Applies {@code a} of {@code user}: to the target, or to everything valid in its area. */
  void resolve(
      Fighter user,
      Ability a,
      long targetId,
      long correlationId,
      Whereabouts where,
      long now,
      List<CombatFact> facts,
      int[] seq) {
    Fighter target = fighters.get(targetId);
    boolean remote = target == null && !visits.visiting() && where.ghost(targetId) != Ghost.NONE;
    if (remote) {
      // the owning cell resolves it on the target (and its own fighters in the area)
      where.forward(user.body.id(), a.id(), targetId, correlationId);
      if (!a.area()) {
        return;
      }
    } else if (target == null || target.body.dead() || target.visitor) {
      facts.add(new CombatFact.Missed(tick, user.body.id(), targetId, a.id()));
      return;
    }
    if (!a.area()) {
      apply(user, a, target, now, facts, seq);
      return;
    }
    Place centre = where.where(targetId);
    Place from = where.where(user.body.id());
    if (centre == null || from == null) {
      return;
    }
    for (Fighter other : fighters.values()) {
      if (other == user || other.body.dead() || other.visitor) {
        continue;
      }
      Place p = where.where(other.body.id());
      if (p == null
          || space.farApart(centre, p, a.radiusMeters())
          || space.distance(centre, p) > a.radiusMeters()) {
        continue;
      }
      if (a.hostile() ? mayHurt(user, from, other, p) : other.player()) {
        apply(user, a, other, now, facts, seq);
      }
    }
  }

  private void apply(
      Fighter user, Ability a, Fighter target, long now, List<CombatFact> facts, int[] seq) {
    Outcome o =
        DamageRules.resolve(
            a,
            user.body,
            target.body,
            CombatRoll.of(cellSeed, tick, user.body.id(), seq[0]++),
            now);
    long uid = user.body.id();
    long tid = target.body.id();
    switch (o.kind()) {
      case MISS -> facts.add(new CombatFact.Missed(tick, uid, tid, a.id()));
      case HEAL ->
          facts.add(
              new CombatFact.Healed(tick, uid, tid, a.id(), o.amount(), target.body.health()));
      case HIT ->
          facts.add(
              new CombatFact.Hit(
                  tick,
                  uid,
                  tid,
                  a.id(),
                  o.amount(),
                  o.absorbed(),
                  o.crit(),
                  target.body.health()));
      case EFFECT -> {}
    }
    if (o.status() != null && o.kind() != Outcome.Kind.MISS && !o.killed()) {
      facts.add(
          new CombatFact.EffectApplied(
              tick, uid, tid, o.status().kind(), o.status().magnitude(), o.status().untilMillis()));
    }
    if (target.brain != null && a.hostile() && o.kind() != Outcome.Kind.HEAL) {
      target.brain.damagedBy(uid, Math.max(1, o.amount()));
    }
    if (o.killed()) {
      died(target, uid, a.id(), now, facts, seq);
    }
  }

  private void died(
      Fighter victim,
      long killerId,
      String abilityId,
      long now,
      List<CombatFact> facts,
      int[] seq) {
    Fighter killer = fighters.get(killerId);
    long xp = 0;
    if (killer != null && killer.player() && killer != victim) {
      xp = Experience.forKill(killer.body.sheet().level(), victim.body.sheet().level());
    }
    facts.add(
        new CombatFact.Died(
            tick, victim.body.id(), victim.player(), killer == null ? 0 : killerId, abilityId, xp));
    if (victim.kind != null && killer != null && killer.player()) {
      LootTable.Drop drop =
          CreatureProfiles.of(victim.kind)
              .loot()
              .roll(CombatRoll.of(cellSeed, tick, victim.body.id(), -1 - seq[0]++));
      String key = "loot:" + Long.toHexString(cellSeed) + ":" + victim.body.id() + ":" + tick;
      facts.add(
          new CombatFact.LootDropped(
              tick, killerId, victim.body.id(), key, drop.copper(), drop.items()));
    }
    victim.respawnAtMillis =
        now + (victim.player() ? settings.playerRespawnMillis() : settings.creatureRespawnMillis());
    casts.removeIf(c -> c.userId() == victim.body.id());
    for (Fighter f : fighters.values()) {
      if (f.brain != null && f.brain.targetId() == victim.body.id()) {
        f.brain.targetLost();
      }
    }
  }

  private void think(Fighter c, Whereabouts where, long now, List<CombatFact> facts, int[] seq) {
    Place at = where.where(c.body.id());
    Place home = where.home(c.body.id());
    if (at == null) {
      return;
    }
    long nearest = 0;
    double nearestMeters = Double.POSITIVE_INFINITY;
    double awareness = c.kind.awarenessMeters();
    // only an aggressive creature minding its own business looks for players to attack
    boolean looking =
        c.kind.temperament() == CreatureKind.Temperament.AGGRESSIVE
            && (c.brain.state() == CreatureBrain.State.IDLE
                || c.brain.state() == CreatureBrain.State.WANDER);
    for (Fighter f : looking ? fighters.values() : List.<Fighter>of()) {
      if (!f.player() || f.body.dead()) {
        continue;
      }
      Place p = where.where(f.body.id());
      if (p == null || space.farApart(at, p, awareness)) {
        continue;
      }
      double d = space.distance(at, p);
      if (d <= awareness && d < nearestMeters && !sheltered(p)) {
        nearest = f.body.id();
        nearestMeters = d;
      }
    }
    Fighter target = fighters.get(c.brain.targetId());
    while (target != null
        && target.player()
        && !c.brain.provokedBy(target.body.id())
        && sheltered(where.where(target.body.id()))) {
      // a chase by sight ends at the sanctuary's edge: the next by threat, or home
      c.brain.targetLost();
      target = fighters.get(c.brain.targetId());
    }
    double targetMeters = Double.NaN;
    if (target != null && !target.body.dead()) {
      Place tp = where.where(target.body.id());
      if (tp != null) {
        targetMeters = space.distance(at, tp);
      }
    }
    List<Ability> book = CreatureProfiles.of(c.kind).abilities();
    double range = book.get(0).rangeMeters();
    CreatureBrain.State s =
        c.brain.think(
            new CreatureBrain.Senses(
                home == null ? 0 : space.distance(at, home),
                nearest,
                nearestMeters,
                targetMeters,
                c.body.health() / (double) c.body.sheet().maxHealth(),
                range,
                false));
    if (s != CreatureBrain.State.ATTACK) {
      return;
    }
    long tid = c.brain.targetId();
    Fighter victim = fighters.get(tid);
    Place tp = where.where(tid);
    if (victim == null
        || tp == null
        || !(mayHurt(c, at, victim, tp) || (victim.player() && c.brain.provokedBy(tid)))) {
      return;
    }
    for (int i = book.size() - 1; i >= 0; i--) {
      Ability a = book.get(i);
      if (c.body.check(a, now).isEmpty()
          && space.distance(at, tp) <= a.rangeMeters() + RANGE_SLACK_METERS) {
        c.body.begin(a, now);
        facts.add(new CombatFact.AbilityUsed(tick, c.body.id(), a.id(), tid));
        apply(c, a, victim, now, facts, seq);
        return;
      }
    }
  }
}
