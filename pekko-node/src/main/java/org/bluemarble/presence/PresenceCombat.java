package org.bluemarble.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.combat.Experience;
import org.bluemarble.edge.port.CombatPush;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.player.Player;
import org.bluemarble.tracing.Traced;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.combat.HarvestYields;

/**
 * The combat half of one {@link PresenceActor}: abilities go to the player's cell (tell only; the
 * cell answers refusals through its combat feed), and a harvest asks the cell, then posts the yield
 * to the player's holdings as an IN leg under a key made once per harvest, re-posted on a lost
 * answer (the holdings apply a key once). A full bag is told to the client ({@code inventory_full})
 * and the leg is re-posted at each watchdog round until it fits or the presence ends. A kill's loot
 * in the cell's combat feed goes the same way under the cell's loot key. After a kill that earned
 * the player experience it reads the character's profile and pushes its {@link CombatPush.Progress}
 * (and a new combat profile to the cell when the level changed).
 */
final class PresenceCombat {
  /** How far (on the surface) a player may stand from a resource node it harvests. */
  static final double HARVEST_REACH_METERS = 12.0;

  /** Legs re-posted at most this often without an answer. */
  private static final Duration LEG_RETRY = Duration.ofSeconds(5);

  /** A combat message of the presence actor. */
  sealed interface Message extends PresenceActor.Command
      permits UseAbility, Harvest, HarvestAnswered, LegAnswered, EquipmentLoaded, ProgressLoaded {}

  /** The connection uses an ability, under its trace (null: none). */
  record UseAbility(long correlationId, String abilityId, long targetId, String traceId)
      implements Message, Traced {}

  /** The connection harvests, under its trace (null: none). */
  record Harvest(long correlationId, long nodeId, int amount, String traceId)
      implements Message, Traced {}

  record HarvestAnswered(long correlationId, ZoneCell.Reply reply, Throwable failure)
      implements Message {}

  record LegAnswered(Pending pending, LegReply reply, Throwable failure) implements Message {}

  record EquipmentLoaded(String cellId, Holdings.EquipReply reply, Throwable failure)
      implements Message {}

  record ProgressLoaded(Player.Reply reply, Throwable failure) implements Message {}

  /** A yield on its way to the holdings. */
  record Pending(long correlationId, Leg leg, long postedAtNanos) {}

  private final ActorContext<PresenceActor.Command> ctx;
  private final PresenceAsks asks;
  private final String playerId;
  private final Duration askTimeout;
  private final List<Pending> waiting = new ArrayList<>();
  private int level = 1;
  // Keys whose full bag the client was told about (once per key).
  private final java.util.Set<String> toldFull = new java.util.HashSet<>();

  PresenceCombat(
      ActorContext<PresenceActor.Command> ctx,
      PresenceAsks asks,
      String playerId,
      Duration askTimeout) {
    this.ctx = ctx;
    this.asks = asks;
    this.playerId = playerId;
    this.askTimeout = askTimeout;
  }

  /**
   * Handles {@code m}; {@code cellId} is the player's cell while it is in the world, else null;
   * answers go to {@code listener} (may be null).
   */
  void on(Message m, String cellId, WorldListener listener) {
    if (m instanceof UseAbility u) {
      if (cellId == null) {
        refuse(listener, u.correlationId(), CombatPush.Reason.NOT_IN_WORLD, "not in the world");
      } else {
        asks.tellCell(
            cellId,
            new ZoneCell.UseAbility(
                playerId, u.abilityId(), u.targetId(), u.correlationId(), u.traceId()));
      }
    } else if (m instanceof Harvest h) {
      if (cellId == null) {
        refuse(listener, h.correlationId(), CombatPush.Reason.NOT_IN_WORLD, "not in the world");
        return;
      }
      asks.cell(
          cellId,
          r ->
              new ZoneCell.Harvest(
                  playerId, h.nodeId(), h.amount(), HARVEST_REACH_METERS, r, h.traceId()),
          (reply, failure) -> new HarvestAnswered(h.correlationId(), reply, failure));
    } else if (m instanceof HarvestAnswered a) {
      harvested(a, cellId, listener);
    } else if (m instanceof LegAnswered a) {
      legAnswered(a, listener);
    } else if (m instanceof EquipmentLoaded e && e.cellId().equals(cellId)) {
      List<String> worn =
          e.reply() instanceof Holdings.Worn w ? List.copyOf(w.equipment().values()) : List.of();
      if (e.failure() != null) {
        ctx.getLog()
            .warn("equipment of {} not loaded, fighting without: {}", playerId, e.failure());
      }
      asks.tellCell(cellId, new ZoneCell.CombatProfile(playerId, level, worn));
    } else if (m instanceof ProgressLoaded p && p.reply() instanceof Player.Profile profile) {
      int was = level;
      level = profile.level();
      tell(
          listener,
          new CombatPush.Progress(
              profile.level(),
              profile.experience(),
              profile.level() >= Experience.MAX_LEVEL
                  ? 0
                  : Experience.totalFor(profile.level() + 1)));
      if (level != was && cellId != null) {
        entered(cellId); // the cell re-sheets the player at its new level
      }
    }
  }

  /** The character's level from its profile. */
  void level(int level) {
    this.level = level;
  }

  /**
   * The player is now in cell {@code cellId} (entered, re-entered or handed off): reads what it
   * wears and tells the cell its combat profile.
   */
  void entered(String cellId) {
    ctx.ask(
        Holdings.EquipReply.class,
        ClusterSharding.get(ctx.getSystem()).entityRefFor(Holdings.ENTITY_KEY, playerId),
        askTimeout,
        Holdings.GetEquipment::new,
        (reply, failure) -> new EquipmentLoaded(cellId, reply, failure));
  }

  /**
   * Posts the loot of {@code feed} that is this player's ({@code entityId}) to its holdings, under
   * the cell's loot key (deterministic per kill: a repeated feed or a re-post credits once).
   */
  void loot(org.bluemarble.zone.SessionEvent.CombatFeed feed, long entityId) {
    boolean earned = false;
    for (org.bluemarble.zone.combat.CombatFact f : feed.facts()) {
      if (f instanceof org.bluemarble.zone.combat.CombatFact.Died d
          && d.killerId() == entityId
          && d.experience() > 0) {
        earned = true;
      }
      if (f instanceof org.bluemarble.zone.combat.CombatFact.LootDropped l
          && l.playerId() == entityId
          && (l.copper() > 0 || !l.items().isEmpty())) {
        post(
            new Pending(
                0, Leg.in(l.lootKey(), playerId, l.copper(), l.items()), System.nanoTime()));
      }
    }
    if (earned) {
      // The cell granted the kill's experience before pushing this feed; the Player applies its
      // commands in order and answers a read after its writes, so the profile read now shows it
      // (a read overtaking the grant across nodes shows it at the next kill).
      ctx.ask(
          Player.Reply.class,
          ClusterSharding.get(ctx.getSystem()).entityRefFor(Player.ENTITY_KEY, playerId),
          askTimeout,
          Player.GetProfile::new,
          ProgressLoaded::new);
    }
  }

  /** Re-posts the yields still waiting (a full bag, a lost answer). */
  void retry() {
    long now = System.nanoTime();
    for (Pending p : List.copyOf(waiting)) {
      if (now - p.postedAtNanos() >= LEG_RETRY.toNanos()) {
        waiting.remove(p);
        post(new Pending(p.correlationId(), p.leg(), now));
      }
    }
  }

  private void harvested(HarvestAnswered a, String cellId, WorldListener listener) {
    if (a.reply() instanceof ZoneCell.Harvested h) {
      String item = HarvestYields.itemOf(h.kind());
      Leg leg =
          Leg.in(
              "harvest:" + UUID.randomUUID(), playerId, 0, List.of(new ItemStack(item, h.taken())));
      post(new Pending(a.correlationId(), leg, System.nanoTime()));
    } else if (a.reply() instanceof ZoneCell.Rejected r) {
      refuse(listener, a.correlationId(), CombatPush.Reason.NOTHING_TO_HARVEST, r.message());
    } else {
      refuse(
          listener,
          a.correlationId(),
          CombatPush.Reason.NOTHING_TO_HARVEST,
          "the zone cell did not answer: " + a.failure());
    }
  }

  private void post(Pending p) {
    waiting.add(p);
    ctx.ask(
        LegReply.class,
        ClusterSharding.get(ctx.getSystem()).entityRefFor(Holdings.ENTITY_KEY, playerId),
        askTimeout,
        r -> new Holdings.Post(p.leg(), r),
        (reply, failure) -> new LegAnswered(p, reply, failure));
  }

  private void legAnswered(LegAnswered a, WorldListener listener) {
    Pending p = a.pending();
    if (a.failure() != null) {
      return; // stays waiting: re-posted by retry()
    }
    waiting.remove(p);
    Leg leg = p.leg();
    if (!(a.reply() instanceof LegReply.LegRefused)) {
      toldFull.remove(leg.key());
    }
    List<CombatPush.Item> items = new ArrayList<>();
    leg.items().forEach(i -> items.add(new CombatPush.Item(i.itemId(), i.quantity())));
    if (a.reply() instanceof LegReply.LegDone) {
      tell(
          listener,
          new CombatPush.Credited(p.correlationId(), leg.key(), leg.copper(), items, false));
    } else if (a.reply() instanceof LegReply.LegRefused r
        && r.error() == MarketError.INSUFFICIENT_SPACE) {
      waiting.add(new Pending(0, leg, System.nanoTime()));
      if (toldFull.add(leg.key())) {
        tell(
            listener,
            new CombatPush.Credited(p.correlationId(), leg.key(), leg.copper(), items, true));
      }
    } else if (a.reply() instanceof LegReply.LegRefused r) {
      ctx.getLog().warn("harvest leg {} of {} refused: {}", leg.key(), playerId, r.message());
      refuse(listener, p.correlationId(), CombatPush.Reason.NOTHING_TO_HARVEST, r.message());
    }
  }

  private static void refuse(
      WorldListener listener, long correlationId, CombatPush.Reason reason, String message) {
    tell(listener, new CombatPush.Refused(correlationId, reason, message));
  }

  private static void tell(WorldListener listener, CombatPush push) {
    if (listener != null) {
      listener.onCombat(push);
    }
  }
}
