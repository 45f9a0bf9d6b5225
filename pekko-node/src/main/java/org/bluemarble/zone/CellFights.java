package org.bluemarble.zone;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.combat.PvpZones;
import org.bluemarble.combat.Sanctuary;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemDefinition;
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
 * tick. Players fight with the level and worn gear their presence sends ({@link
 * ZoneCell.CombatProfile}), at level 1 without gear until it arrives.
 */
final class CellFights implements CellCombat.Whereabouts {
  /** Players respawn after this long (ms), creatures after this long. */
  static final long PLAYER_RESPAWN_MILLIS = 10_000;

  static final long CREATURE_RESPAWN_MILLIS = 120_000;

  /** The cell journals the damage dealt per ability at most this often (simulation seconds). */
  static final int SUMMARY_EVERY_SECONDS = 30;

  private final CellSimulation sim;
  private final CellCombat combat;
  private final double aoiMeters;
  private final double radius;
  private final Set<Long> players = new HashSet<>();
  private final Map<Long, GeoPosition> homes = new HashMap<>();
  private final Set<Long> present = new HashSet<>();
  // Correlation ids of queued requests per player, oldest first: each request yields exactly one
  // AbilityUsed or Refused of its user, in request order, in the next tick.
  private final Map<Long, ArrayDeque<Long>> correlations = new HashMap<>();
  // Sheets from the players' profiles (level, worn gear), by simulation id, while they are here.
  private final Map<Long, CharacterSheet> sheets = new HashMap<>();
  // Creatures under an order of their fighting brain (not NONE), and a scratch unit vector.
  private final Set<Long> ordered = new HashSet<>();
  private final double[] point = new double[3];
  // Hits, crits and damage per ability (sorted by id) since the last journaled summary.
  private final Map<String, long[]> damage = new java.util.TreeMap<>();
  private final long summaryEveryTicks;
  private long nextSummaryTick;
  private long lastTick;
  // The account player id of this tick's loot owners, by loot key (the journal names the holder).
  private final Map<String, String> holders = new HashMap<>();
  // Players' profiles (level, worn items), sent along with an ability on a neighbour's entity.
  private final Map<Long, ZoneCell.CombatProfile> profiles = new HashMap<>();
  // Abilities of players here on neighbours' entities, forwarded after the tick (CellReach).
  private final CellReach reach;
  // Who sees which fact: the players' combat feeds.
  private final CombatFeeds feeds;
  static final ItemCatalog CATALOG = ItemCatalog.loadDefault();

  CellFights(CellSimulation sim, ZoneSettings settings, Terrain terrain, long planetSeed) {
    this(sim, settings, terrain, planetSeed, Sanctuary.NONE);
  }

  /**
   * Fights of {@code sim}'s cell, where {@code sanctuary} (around the world's spawn point) is a
   * safe zone; a cell holding its centre respawns its dead players there.
   */
  CellFights(
      CellSimulation sim,
      ZoneSettings settings,
      Terrain terrain,
      long planetSeed,
      Sanctuary sanctuary) {
    this.sim = sim;
    this.radius = settings.sphere().radiusMeters();
    this.aoiMeters = settings.aoiRadiusMeters();
    this.summaryEveryTicks = (long) SUMMARY_EVERY_SECONDS * settings.tickHz();
    long seed = EntityIds.mix(planetSeed ^ sim.cellId().id());
    PvpZones zones = new PvpZones(sanctuary, PvpZones.DEFAULT_OPEN_BIOMES, radius);
    if (sanctuary.exists()) {
      sim.respawnAtIfHere(sanctuary.latitudeDeg(), sanctuary.longitudeDeg());
    }
    this.reach = new CellReach(sim);
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
    this.feeds = new CombatFeeds(sim, combat, reach, this, aoiMeters, radius);
    for (Creature c : sim.creatures()) {
      homes.put(c.id, Vectors.toPosition(c.home[0], c.home[1], c.home[2], c.altitudeMeters, 0.0));
      combat.joinCreature(c.id, c.kind);
    }
  }

  /**
   * A player's level and worn gear: its sheet from now on (kept while it is in this cell; a fighter
   * already here is re-sheeted, keeping its health, mana and effects). Unknown item ids are
   * ignored.
   */
  void profile(ZoneCell.CombatProfile p) {
    long id = PlayerIds.simulationId(p.playerId());
    CharacterClass cls = sim.classOf(id);
    if (cls == null) {
      return; // not here (handed off meanwhile); the next cell gets its own
    }
    List<ItemDefinition> worn = new ArrayList<>();
    for (String item : p.wornItemIds()) {
      CATALOG.find(item).ifPresent(worn::add);
    }
    CharacterSheet sheet = CharacterSheet.of(cls, Math.max(1, Math.min(100, p.level())), worn);
    sheets.put(id, sheet);
    profiles.put(id, p);
    combat.combatant(id).ifPresent(c -> c.resheet(sheet));
  }

  /** The sheet player {@code id} fights with here. */
  CharacterSheet sheetOf(long id) {
    return combat.combatant(id).map(c -> c.sheet()).orElse(sheets.get(id));
  }

  /** Queues a player's ability for the next tick. */
  void useAbility(long playerId, String abilityId, long targetId) {
    useAbility(playerId, abilityId, targetId, 0);
  }

  /**
   * Queues a player's ability for the next tick; a refusal goes back with {@code correlationId}.
   * Ignored for a player not simulated here (handed off meanwhile): it would get no answer.
   */
  void useAbility(long playerId, String abilityId, long targetId, long correlationId) {
    CellPopulation pop = sim.population();
    int slot = pop.slotOf(playerId);
    boolean lying = sim.isDead(playerId); // out of the population; refused as incapacitated
    if (!lying
        && (slot == org.bluemarble.zone.internal.LongIntMap.MISSING
            || pop.isGhost(slot)
            || pop.kind(slot) != EntityKind.PLAYER)) {
      return;
    }
    combat.request(playerId, abilityId, targetId, correlationId);
    correlations.computeIfAbsent(playerId, k -> new ArrayDeque<>()).add(correlationId);
  }

  /**
   * Whether player {@code playerId} stands within {@code reachMeters} (on the surface) of resource
   * node {@code nodeId}; false if either is not here.
   */
  boolean reaches(long playerId, long nodeId, double reachMeters) {
    GeoPosition p = sim.positionOf(playerId);
    ResourceField.NodeView node = sim.resources().view(nodeId);
    return p != null
        && node != null
        && org.bluemarble.combat.SphereGeometry.surfaceMeters(
                p.latitudeDeg(),
                p.longitudeDeg(),
                node.position().latitudeDeg(),
                node.position().longitudeDeg(),
                radius)
            <= reachMeters;
  }

  /**
   * A neighbour's player used an ability on an entity of this cell ({@link
   * ZoneCell.AbilityFromNeighbour}): queued for the next tick, where it is checked again and
   * resolved here; the outcome goes to the user's session.
   */
  void visit(ZoneCell.AbilityFromNeighbour v) {
    CellCombat.Visit visit = reach.visit(v);
    if (visit == null) {
      return;
    }
    combat.visit(visit);
    correlations.computeIfAbsent(v.userId(), k -> new ArrayDeque<>()).add(v.correlationId());
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
      stand();
      return List.of();
    }
    List<CombatFact> facts = combat.tick(tick, this);
    bodies(facts);
    steer();
    if (!facts.isEmpty()) {
      Map<CombatFact, Long> refused = matchCorrelations(facts);
      grant(facts, roster, outbox); // before the feed: its killer's presence then reads progress
      feeds.push(facts, refused, roster, players);
    }
    reach.send(roster, profiles, outbox);
    if (reach.visited()) {
      for (Long id : reach.visitors()) {
        if (!players.contains(id)) {
          correlations.remove(id);
        }
      }
      reach.clearVisitors();
    }
    return facts;
  }

  /**
   * {@code facts} of tick {@code tick} plus what of {@code fought} the cell journals: each death
   * and each loot drop, and every {@value #SUMMARY_EVERY_SECONDS} s of simulation time a summary of
   * the damage dealt per ability since the previous one (hits, misses and effects are not journaled
   * one by one; a replay of the requests reproduces them, see {@code CellCombatTest}). A summary
   * not yet due when the cell stops is journaled by {@link #flush}.
   */
  List<ZoneFact> journal(
      long tick, List<ZoneFact> facts, List<CombatFact> fought, java.time.Instant now) {
    lastTick = tick;
    List<ZoneFact> out = null;
    for (CombatFact f : fought) {
      ZoneFact z = null;
      if (f instanceof CombatFact.Hit h) {
        if (damage.isEmpty() && tick >= nextSummaryTick) {
          nextSummaryTick = tick + summaryEveryTicks; // a period starts with its first hit
        }
        long[] sum = damage.computeIfAbsent(h.abilityId(), k -> new long[3]);
        sum[0]++;
        sum[1] += h.crit() ? 1 : 0;
        sum[2] += h.amount();
      } else if (f instanceof CombatFact.Died d) {
        z =
            new ZoneFact.CombatKill(
                d.tick(),
                d.victimId(),
                d.victimIsPlayer(),
                d.killerId(),
                d.abilityId(),
                d.experience(),
                now);
      } else if (f instanceof CombatFact.LootDropped l) {
        z =
            new ZoneFact.CombatLoot(
                l.tick(),
                l.playerId(),
                l.victimId(),
                l.lootKey(),
                l.copper(),
                l.items(),
                now,
                holders.get(l.lootKey()));
      }
      if (z != null) {
        if (out == null) {
          out = new ArrayList<>(facts);
        }
        out.add(z);
      }
    }
    if (!damage.isEmpty() && tick >= nextSummaryTick) {
      nextSummaryTick = tick + summaryEveryTicks;
      List<ZoneCell.AbilityDamage> abilities = new ArrayList<>();
      damage.forEach(
          (ability, sum) ->
              abilities.add(new ZoneCell.AbilityDamage(ability, sum[0], sum[1], sum[2])));
      damage.clear();
      if (out == null) {
        out = new ArrayList<>(facts);
      }
      out.add(new ZoneFact.CombatDamage(tick, abilities, now));
    }
    return out == null ? facts : out;
  }

  /**
   * The damage summary not yet due, as of the last tick, when the cell stops (passivation,
   * rebalance, shutdown): journaled before the stop, so no hit of a period is lost. Empty if
   * nothing was dealt since the last summary.
   */
  List<ZoneFact> flush(java.time.Instant now) {
    if (damage.isEmpty()) {
      return List.of();
    }
    List<ZoneCell.AbilityDamage> abilities = new ArrayList<>();
    damage.forEach(
        (ability, sum) ->
            abilities.add(new ZoneCell.AbilityDamage(ability, sum[0], sum[1], sum[2])));
    damage.clear();
    nextSummaryTick = lastTick + summaryEveryTicks;
    return List.of(new ZoneFact.CombatDamage(lastTick, abilities, now));
  }

  /**
   * The dead leave the population (and the snapshots): creatures until they respawn at home,
   * players until they respawn at the cell's respawn point ({@link CellSimulation#respawnPoint}:
   * the spawn sanctuary's centre in the cell that holds it).
   */
  private void bodies(List<CombatFact> facts) {
    CreatureHerd herd = sim.herd();
    for (CombatFact f : facts) {
      if (f instanceof CombatFact.Died d && !d.victimIsPlayer()) {
        herd.died(d.victimId());
        ordered.remove(d.victimId());
      } else if (f instanceof CombatFact.Died d) {
        sim.playerDied(d.victimId());
      } else if (f instanceof CombatFact.Respawned r && homes.containsKey(r.entityId())) {
        herd.respawned(r.entityId());
      } else if (f instanceof CombatFact.Respawned r) {
        sim.playerRespawned(r.entityId());
      }
    }
  }

  /**
   * Moves each creature by its brain's state: chase its target (stopping within reach), stand while
   * attacking, flee from its attacker, run home when leashed; idle and wandering creatures follow
   * their own wandering mind.
   */
  private void steer() {
    CreatureHerd herd = sim.herd();
    CellPopulation pop = sim.population();
    for (Long id : homes.keySet()) {
      java.util.Optional<org.bluemarble.zone.combat.CreatureBrain.State> state =
          combat.creatureState(id);
      Creature.Order order =
          state.isEmpty()
              ? Creature.Order.NONE
              : switch (state.get()) {
                case IDLE, WANDER -> Creature.Order.NONE;
                case CHASE -> Creature.Order.CHASE;
                case ATTACK -> Creature.Order.HOLD;
                case FLEE -> Creature.Order.FLEE;
                case RETURN_HOME -> Creature.Order.RETURN_HOME;
              };
      if (order == Creature.Order.NONE && !ordered.contains(id)) {
        continue;
      }
      double[] target = null;
      if (order == Creature.Order.CHASE || order == Creature.Order.FLEE) {
        int slot = pop.slotOf(combat.creatureTarget(id));
        if (slot == org.bluemarble.zone.internal.LongIntMap.MISSING) {
          order = Creature.Order.HOLD; // its target is not seen here: wait for the brain
        } else {
          target = point;
          point[0] = pop.x(slot);
          point[1] = pop.y(slot);
          point[2] = pop.z(slot);
        }
      }
      herd.steer(id, order, target);
      if (order == Creature.Order.NONE) {
        ordered.remove(id);
      } else {
        ordered.add(id);
      }
    }
  }

  /** Without players nobody fights: every creature goes back to its own mind. */
  private void stand() {
    if (!ordered.isEmpty()) {
      for (Long id : ordered) {
        sim.herd().steer(id, Creature.Order.NONE, null);
      }
      ordered.clear();
    }
  }

  private void grant(List<CombatFact> facts, CellRoster roster, CellOutbox outbox) {
    holders.clear();
    for (CombatFact f : facts) {
      if (f instanceof CombatFact.LootDropped l) {
        CellRoster.Link owner = reach.link(l.playerId(), roster);
        if (owner != null) {
          holders.put(l.lootKey(), owner.playerId());
        }
      }
      if (f instanceof CombatFact.Died d && d.experience() > 0) {
        CellRoster.Link killer = reach.link(d.killerId(), roster);
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
    for (Long id : players) {
      if (sim.isDead(id)) {
        present.add(id); // out of the population while dead, still here
      }
    }
    for (int slot = 0; slot < pop.size(); slot++) {
      if (pop.kind(slot) == EntityKind.PLAYER && !pop.isGhost(slot)) {
        long id = pop.id(slot);
        present.add(id);
        if (players.add(id)) {
          CharacterClass cls = sim.classOf(id);
          CharacterClass fights = cls == null ? CharacterClass.WARRIOR : cls;
          CharacterSheet sheet = sheets.get(id);
          combat.joinPlayer(
              id, fights, sheet != null ? sheet : CharacterSheet.of(fights, 1, List.of()), false);
        }
      }
    }
    if (present.size() != players.size()) {
      for (Long id : List.copyOf(players)) {
        if (!present.contains(id)) {
          players.remove(id);
          correlations.remove(id);
          sheets.remove(id);
          combat.leave(id);
        }
      }
    }
  }

  /** The correlation id of each refusal in {@code facts}, consuming the queued ids. */
  private Map<CombatFact, Long> matchCorrelations(List<CombatFact> facts) {
    Map<CombatFact, Long> refused = new IdentityHashMap<>();
    for (CombatFact f : facts) {
      long user;
      if (f instanceof CombatFact.AbilityUsed u) {
        user = u.userId();
      } else if (f instanceof CombatFact.Refused r) {
        user = r.userId();
      } else {
        continue;
      }
      ArrayDeque<Long> queued = correlations.get(user);
      if (queued == null || queued.isEmpty()) {
        continue; // a creature's ability
      }
      long id = queued.poll();
      if (f instanceof CombatFact.Refused) {
        refused.put(f, id);
      }
    }
    return refused;
  }

  @Override
  public CellCombat.Place where(long id) {
    CellPopulation pop = sim.population();
    int slot = pop.slotOf(id);
    if (slot == org.bluemarble.zone.internal.LongIntMap.MISSING) {
      GeoPosition lying = sim.positionOf(id); // a dead player, out of the population
      return lying == null
          ? null
          : new CellCombat.Place(lying.latitudeDeg(), lying.longitudeDeg(), lying.altitudeMeters());
    }
    GeoPosition p = pop.position(slot);
    return new CellCombat.Place(p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters());
  }

  @Override
  public CellCombat.Ghost ghost(long id) {
    return reach.ghost(id);
  }

  @Override
  public void forward(long userId, String abilityId, long targetId, long correlationId) {
    reach.forward(userId, abilityId, targetId, correlationId);
  }

  @Override
  public CellCombat.Place home(long creatureId) {
    GeoPosition h = homes.get(creatureId);
    return h == null
        ? null
        : new CellCombat.Place(h.latitudeDeg(), h.longitudeDeg(), h.altitudeMeters());
  }
}
