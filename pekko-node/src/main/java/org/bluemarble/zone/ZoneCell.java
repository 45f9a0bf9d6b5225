package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;

/**
 * One zone cell of the world as a sharded, event-sourced entity keyed by its S2 token at the zone
 * level. Fast state (players, creatures, ghosts) lives in a {@link CellSimulation} driven by the
 * node's {@link CellClock}; only facts (resource harvests, depletions, respawns) are persisted.
 * Each tick pushes {@link SessionEvent}s to sessions, hands players to neighbours, exchanges ghosts
 * and checkpoints positions. The cell passivates itself when nobody is in or near it.
 */
public final class ZoneCell
    extends EventSourcedBehaviorWithEnforcedReplies<
        ZoneCell.Command, ZoneCell.Event, ZoneCell.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "ZoneCell");

  /** Registers the entity type with Cluster Sharding, placed by the default S2 parent level. */
  public static void init(ActorSystem<?> system, ZoneCellDeps deps) {
    init(system, deps, CellPlacement.byDefault(deps.settings().zoneLevel()));
  }

  /**
   * Registers the entity type with Cluster Sharding on this node, shards chosen by placement, and
   * starts the node's {@link CellDirectory} of live cells.
   */
  public static void init(ActorSystem<?> system, ZoneCellDeps deps, CellPlacement placement) {
    LocalShards shards =
        new LocalShards(placement, () -> Cluster.get(system).state().members().size());
    ActorRef<CellDirectory.Command> directory =
        system.systemActorOf(CellDirectory.create(shards), "zone-cell-directory", Props.empty());
    ShardedOutbox outbox = new ShardedOutbox(system, shards, directory);
    ClusterSharding.get(system)
        .init(
            placement.applyTo(
                Entity.of(
                        ENTITY_KEY, ctx -> create(ctx.getEntityId(), deps, outbox, ctx.getShard()))
                    // Ticks are timer messages the shard does not see; the cell passivates itself.
                    .withSettings(
                        ClusterShardingSettings.create(system).withNoPassivationStrategy())
                    .withStopMessage(Stop.INSTANCE)));
  }

  /**
   * The behaviour of cell {@code entityId}; {@code shard} receives the passivation request and may
   * be null outside sharding (then the cell never passivates).
   *
   * @throws IllegalArgumentException if {@code entityId} is not a cell at the zone level
   */
  public static Behavior<Command> create(
      String entityId,
      ZoneCellDeps deps,
      CellOutbox outbox,
      ActorRef<ClusterSharding.ShardCommand> shard) {
    S2CellId cell = CellIds.parse(entityId, deps.settings().zoneLevel());
    return Behaviors.setup(ctx -> new ZoneCell(cell, deps, new Wiring(ctx, outbox, shard)));
  }

  private record Wiring(
      ActorContext<Command> ctx, CellOutbox outbox, ActorRef<ClusterSharding.ShardCommand> shard) {}

  // Commands

  /** Everything a ZoneCell accepts. */
  public sealed interface Command extends CborSerializable
      permits EnterCell,
          LeaveCell,
          Locate,
          SubmitInput,
          Ghosts,
          Harvest,
          GetCellSummary,
          Tick,
          Compose,
          HandoffAnswered,
          Stop,
          Say,
          UseAbility,
          CombatProfile,
          LootAnswered,
          AbilityFromNeighbour {}

  /**
   * Puts a player into this cell: at log-in (from its checkpoint) or by handoff from a neighbour,
   * which passes the last processed input sequence and the intent in force (null: standing).
   */
  public record EnterCell(
      String playerId,
      String characterClass,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      long lastSequence,
      WireIntent intent,
      ActorRef<SessionEvent> session,
      ActorRef<Reply> replyTo)
      implements Command {}

  /** Takes a player out of the world (logout, disconnect timeout); its position is checkpointed. */
  public record LeaveCell(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Where a player here stands, leaving it in the world (a reconnect resumes there without taking
   * the character out, so observers never see it leave and come back).
   */
  public record Locate(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** One movement input; tell only, never ask (the high-frequency path). */
  public record SubmitInput(
      String playerId, long sequence, WireIntent intent, long clientTimeMillis)
      implements Command {}

  /** A neighbour's entities near this cell (replaces what it sent before). */
  public record Ghosts(String fromCellId, List<GhostEntry> batch) implements Command {}

  /**
   * A player in this cell takes up to {@code amount} units from a resource node within {@code
   * reachMeters} of it (0: anywhere in the cell, for tools and tests).
   */
  public record Harvest(
      String playerId,
      long nodeId,
      int amount,
      double reachMeters,
      ActorRef<Reply> replyTo,
      String traceId)
      implements Command, Traced {
    public Harvest(
        String playerId, long nodeId, int amount, double reachMeters, ActorRef<Reply> replyTo) {
      this(playerId, nodeId, amount, reachMeters, replyTo, null);
    }

    public Harvest(String playerId, long nodeId, int amount, ActorRef<Reply> replyTo) {
      this(playerId, nodeId, amount, 0, replyTo);
    }
  }

  /** For the admin API. */
  public record GetCellSummary(ActorRef<Reply> replyTo) implements Command {}

  /**
   * A player in this cell uses ability {@code abilityId} on entity {@code targetId} (0: itself or
   * around itself); decided in the next tick, refusals go back as combat facts. Tell only.
   */
  public record UseAbility(
      String playerId, String abilityId, long targetId, long correlationId, String traceId)
      implements Command, Traced {
    public UseAbility(String playerId, String abilityId, long targetId, long correlationId) {
      this(playerId, abilityId, targetId, correlationId, null);
    }

    public UseAbility(String playerId, String abilityId, long targetId) {
      this(playerId, abilityId, targetId, 0);
    }
  }

  /**
   * The level and worn items (catalogue ids) a player in this cell fights with; sent by its
   * presence after entering a cell. Until it arrives the player fights at level 1 without gear.
   */
  public record CombatProfile(String playerId, int level, List<String> wornItemIds)
      implements Command {
    public CombatProfile {
      wornItemIds = List.copyOf(wornItemIds);
    }
  }

  /**
   * Player {@code userId} (account {@code playerId}) of cell {@code fromCellId} used {@code
   * abilityId} on {@code targetId}, an entity of this cell it saw as a ghost; its cell checked and
   * paid for it. This cell checks again against the user's ghost here (or the position given) and
   * resolves it in its next tick; the outcome goes to {@code session}, a refusal with {@code
   * correlationId}. Tell only (see {@link CellReach}).
   */
  public record AbilityFromNeighbour(
      String fromCellId,
      String playerId,
      long userId,
      String characterClass,
      int level,
      List<String> wornItemIds,
      String abilityId,
      long targetId,
      long correlationId,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      ActorRef<SessionEvent> session)
      implements Command {
    public AbilityFromNeighbour {
      wornItemIds = wornItemIds == null ? List.of() : List.copyOf(wornItemIds);
    }
  }

  /** Beat {@code beat} of the node's {@link CellClock}: step it. */
  private record Tick(long beat) implements Command {}

  /** Every local cell stepped beat {@code beat}: compose its snapshots (see {@link CellClock}). */
  private record Compose(long beat) implements Command {}

  /** Sharding's stop message after a passivation request. */
  enum Stop implements Command {
    INSTANCE
  }

  /**
   * A Say or Yell from a speaker at this position (degrees): the players here within {@code
   * radiusRadians} hear it; unless {@code relayed}, the cell relays it to the other cells the disc
   * touches (see {@link CellSay}).
   */
  public record Say(
      org.bluemarble.chat.ChatEntry entry,
      double latitudeDeg,
      double longitudeDeg,
      double radiusRadians,
      boolean relayed)
      implements Command {}

  /**
   * The holdings' answer to an owed loot leg (reply or failure null), see {@link CellLootDebts}.
   */
  record LootAnswered(
      String lootKey, org.bluemarble.market.holdings.LegReply reply, Throwable failure)
      implements Command {}

  /** A neighbour's answer to the handoff of a player (simulation id), via a receipt child. */
  private record HandoffAnswered(long playerId, Reply reply) implements Command {}

  // Replies

  /** What a ZoneCell answers. */
  public sealed interface Reply extends CborSerializable
      permits Entered, Left, Located, Harvested, CellSummary, Rejected {}

  /** The player is simulated here now under {@code entityId}. */
  public record Entered(String cellId, String playerId, long entityId) implements Reply {}

  /** The player left the world at this position (degrees, metres). */
  public record Left(
      String cellId, String playerId, double latitudeDeg, double longitudeDeg, double altitude)
      implements Reply {}

  /** The player is simulated here and stands at this position (degrees, metres). */
  public record Located(
      String cellId, String playerId, double latitudeDeg, double longitudeDeg, double altitude)
      implements Reply {}

  /** Units really taken and what is left in the node. */
  public record Harvested(long nodeId, int taken, int remaining, ResourceKind kind)
      implements Reply {}

  /**
   * The cell for admins, on {@code node} (its address); tick costs in nanoseconds over the recent
   * ticks; since the cell started: inputs dropped because a player's queue was full, and messages
   * sent to cells on the same node and on other nodes.
   */
  public record CellSummary(
      String cellId,
      String node,
      int players,
      int npcs,
      int resourceNodes,
      int depletedNodes,
      long ticks,
      long overruns,
      long tickP50Nanos,
      long tickP99Nanos,
      long droppedInputs,
      long sameNodeMessages,
      long crossNodeMessages)
      implements Reply {}

  /** Why a command was refused; nothing changed. */
  public record Rejected(Reason reason, String message) implements Reply {}

  /** Kinds of refusal. */
  public enum Reason {
    INVALID_INPUT,
    NOT_HERE,
    /** The resource node is beyond the harvest's reach. */
    OUT_OF_REACH
  }

  // Events

  /** Facts of the cell, each carrying its cell id (S2 token). */
  public sealed interface Event extends CborSerializable
      permits ResourceHarvested,
          ResourceDepleted,
          ResourceRespawned,
          CombatKilled,
          CombatLooted,
          CombatDamaged,
          LootSettled {}

  /** A player took {@code amount} units from a node, leaving {@code remaining}. */
  public record ResourceHarvested(
      String cellId, long nodeId, long playerId, int amount, int remaining, Instant at)
      implements Event {}

  /** A node ran empty at {@code at}; it is full again at {@code respawnAt}. */
  public record ResourceDepleted(String cellId, long nodeId, Instant at, Instant respawnAt)
      implements Event {}

  /** A depleted node became full again. */
  public record ResourceRespawned(String cellId, long nodeId, Instant at) implements Event {}

  /**
   * Combat in the cell killed {@code victimId} at simulation tick {@code tick}; {@code killerId} (0
   * if none) earned {@code experience}. Tagged like the cell's other facts, for the event stream.
   */
  public record CombatKilled(
      String cellId,
      long tick,
      long victimId,
      boolean victimIsPlayer,
      long killerId,
      String abilityId,
      long experience,
      Instant at)
      implements Event {}

  /**
   * A kill's loot for {@code playerId}, credited to its holdings once under {@code lootKey}; owed
   * by the cell to account player {@code holder} until {@link LootSettled} (null in facts journaled
   * before the cell posted loot itself: then only the presence posted it).
   */
  public record CombatLooted(
      String cellId,
      long tick,
      long playerId,
      long victimId,
      String lootKey,
      long copper,
      List<org.bluemarble.market.inventory.ItemStack> items,
      Instant at,
      String holder)
      implements Event {
    public CombatLooted {
      items = List.copyOf(items);
    }
  }

  /** The holdings answered the owed loot {@code lootKey}: credited (or refused for good). */
  public record LootSettled(String cellId, String lootKey, Instant at) implements Event {}

  /**
   * Damage dealt per ability in the cell up to simulation tick {@code tick}, since the previous
   * summary (hits are not journaled one by one).
   */
  public record CombatDamaged(String cellId, long tick, List<AbilityDamage> abilities, Instant at)
      implements Event {
    public CombatDamaged {
      abilities = List.copyOf(abilities);
    }
  }

  /** One ability's hits (crits among them) and damage dealt (after mitigation) over a period. */
  public record AbilityDamage(String abilityId, long hits, long crits, long damage) {}

  // State

  /**
   * Persisted facts folded per resource node that is not full (full nodes are absent), and the loot
   * the cell still owes, by loot key.
   */
  public record State(Map<Long, NodeRecord> notFull, Map<String, OwedLoot> owed)
      implements CborSerializable {
    static final State EMPTY = new State(Map.of(), Map.of());

    public State {
      owed = owed == null ? Map.of() : owed; // snapshots taken before loot was owed
    }

    State apply(Event e) {
      if (e instanceof CombatLooted l
          && l.holder() != null
          && (l.copper() > 0 || !l.items().isEmpty())) {
        Map<String, OwedLoot> next = new java.util.HashMap<>(owed);
        next.put(l.lootKey(), new OwedLoot(l.holder(), l.copper(), l.items()));
        return new State(notFull, Map.copyOf(next));
      }
      if (e instanceof LootSettled s) {
        Map<String, OwedLoot> next = new java.util.HashMap<>(owed);
        next.remove(s.lootKey());
        return new State(notFull, Map.copyOf(next));
      }
      return new State(CellLedger.fold(notFull, e), owed);
    }

    /** Replays the folded facts into a freshly spawned (full) field. */
    void restoreInto(ResourceField field) {
      CellLedger.restore(notFull, field);
    }

    int depleted() {
      return (int) notFull.values().stream().filter(r -> r.respawnAt() != null).count();
    }
  }

  /** Loot owed to account player {@code holder}: copper and items. */
  public record OwedLoot(
      String holder, long copper, List<org.bluemarble.market.inventory.ItemStack> items)
      implements CborSerializable {
    public OwedLoot {
      items = List.copyOf(items);
    }
  }

  /** A node that is not full: units left, and when it respawns if depleted (else null). */
  public record NodeRecord(int remaining, Instant respawnAt) implements CborSerializable {}

  private final S2CellId cell;
  private final String cellId;
  private final String tag;
  private final Clock clock;
  private final Wiring wiring;
  private final CellParts parts;
  private final Duration tickInterval;
  private final int stepsPerTick;
  private final CellLootDebts debts;

  private ZoneCell(S2CellId cell, ZoneCellDeps deps, Wiring wiring) {
    super(PersistenceId.of(ENTITY_KEY.name(), CellIds.entityId(cell)));
    this.cell = cell;
    this.cellId = CellIds.entityId(cell);
    this.tag = EntityTags.tag(ENTITY_KEY.name(), cellId, deps.slices());
    this.clock = deps.clock();
    this.tickInterval = deps.tickInterval();
    this.stepsPerTick = deps.stepsPerTick();
    this.wiring = wiring;
    this.debts = new CellLootDebts(wiring.ctx(), wiring.outbox());
    // The parts log through the cell's logger; name it after the entity, not the first caller.
    wiring.ctx().setLoggerName(ZoneCell.class);
    this.parts =
        new CellParts(
            new CellSimulation(cell, deps.settings(), deps.terrain(), deps.worldSeed()),
            deps,
            wiring.ctx(),
            wiring.outbox(),
            wiring.shard(),
            HandoffAnswered::new);
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              state.restoreInto(parts.sim.resources());
              debts.postAll(state.owed(), clock.instant());
              wiring.outbox().live(cell, wiring.ctx().getSelf());
              parts.openInbox(cellId);
              ActorRef<Command> self = wiring.ctx().getSelf();
              parts.startTicking(
                  tickInterval,
                  beat -> self.tell(new Tick(beat)),
                  beat -> self.tell(new Compose(beat)));
            })
        .onSignal(PostStop.instance(), state -> parts.stopped(cellId))
        .build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(EnterCell.class, this::onEnterCell)
        .onCommand(LeaveCell.class, this::onLeaveCell)
        .onCommand(
            Locate.class, (s, cmd) -> Effect().reply(cmd.replyTo(), parts.admission.locate(cmd)))
        .onCommand(SubmitInput.class, this::onSubmitInput)
        .onCommand(Ghosts.class, this::onGhosts)
        .onCommand(
            Harvest.class,
            (s, c) -> TraceMdc.handle(c, wiring.ctx().getLog(), () -> onHarvest(s, c)))
        .onCommand(GetCellSummary.class, this::onGetCellSummary)
        .onCommand(Tick.class, (s, t) -> onTick(s, t.beat()))
        .onCommand(Compose.class, (s, c) -> onCompose(c.beat()))
        .onCommand(Stop.class, (s, t) -> onStop())
        .onCommand(HandoffAnswered.class, this::onHandoffAnswered)
        .onCommand(Say.class, (s, say) -> onSay(say))
        .onCommand(LootAnswered.class, this::onLootAnswered)
        .onCommand(
            CombatProfile.class,
            (s, c) -> {
              parts.ticker.fights().profile(c);
              return Effect().noReply();
            })
        .onCommand(
            AbilityFromNeighbour.class,
            (s, c) -> {
              parts.ticker.fights().visit(c);
              return Effect().noReply();
            })
        .onCommand(
            UseAbility.class,
            (s, c) ->
                TraceMdc.handle(
                    c,
                    wiring.ctx().getLog(),
                    () -> {
                      parts
                          .ticker
                          .fights()
                          .useAbility(
                              PlayerIds.simulationId(c.playerId()),
                              c.abilityId(),
                              c.targetId(),
                              c.correlationId());
                      return Effect().noReply();
                    }))
        .build();
  }

  private ReplyEffect<Event, State> onEnterCell(State state, EnterCell cmd) {
    return Effect().reply(cmd.replyTo(), parts.admission.enter(cmd));
  }

  private ReplyEffect<Event, State> onLeaveCell(State state, LeaveCell cmd) {
    return Effect().reply(cmd.replyTo(), parts.admission.leave(cmd));
  }

  private ReplyEffect<Event, State> onSubmitInput(State state, SubmitInput cmd) {
    parts.admission.input(cmd, wiring.ctx().getLog());
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onGhosts(State state, Ghosts cmd) {
    try {
      parts.ticker.ghostsReceived(CellMessages.batchOf(cmd, cell));
    } catch (RuntimeException e) {
      wiring.ctx().getLog().warn("dropping ghosts from {}: {}", cmd.fromCellId(), e.getMessage());
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onHarvest(State state, Harvest cmd) {
    CellAdmission.Harvesting h = parts.admission.harvest(cmd, clock.instant());
    return h.facts().isEmpty()
        ? Effect().reply(cmd.replyTo(), h.reply())
        : Effect()
            .persist(CellMessages.events(cellId, h.facts()))
            .thenReply(cmd.replyTo(), s -> h.reply());
  }

  private ReplyEffect<Event, State> onGetCellSummary(State state, GetCellSummary cmd) {
    String node = wiring.ctx().getSystem().address().toString();
    return Effect().reply(cmd.replyTo(), parts.ticker.summary(state.depleted(), node));
  }

  private ReplyEffect<Event, State> onHandoffAnswered(State state, HandoffAnswered a) {
    parts.ticker.handoffAnswered(a.playerId(), a.reply());
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onSay(Say say) {
    parts.say.hear(say);
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onStop() {
    // a step waiting for its compose hands its players over and pushes its acks first
    List<ZoneFact> composed = parts.ticker.compose(clock.instant());
    parts.stopped(cellId);
    parts.ticker.stopping();
    // the damage summary not yet due is journaled before the stop, not lost
    List<ZoneFact> flushed = parts.ticker.fights().flush(clock.instant());
    List<ZoneFact> last = composed;
    if (!flushed.isEmpty()) {
      last = new java.util.ArrayList<>(composed);
      last.addAll(flushed);
    }
    return last.isEmpty()
        ? Effect().stop().thenNoReply()
        : Effect().persist(CellMessages.events(cellId, last)).thenStop().thenNoReply();
  }

  private ReplyEffect<Event, State> onTick(State state, long beat) {
    int beats = parts.tickStarted(beat);
    Instant now = clock.instant();
    parts.admitInbox();
    List<ZoneFact> facts = parts.ticker.step(now, stepsPerTick * beats);
    parts.stepped();
    debts.retry(state.owed(), now);
    return persistFacts(facts);
  }

  /**
   * Composes the step of beat {@code beat}; a late compose of an older beat is ignored (its step
   * was composed when the next one started).
   */
  private ReplyEffect<Event, State> onCompose(long beat) {
    if (beat != parts.lastBeat()) {
      return Effect().noReply();
    }
    return persistFacts(parts.ticker.compose(clock.instant()));
  }

  private ReplyEffect<Event, State> persistFacts(List<ZoneFact> facts) {
    if (facts.isEmpty()) {
      return Effect().noReply();
    }
    boolean looted = facts.stream().anyMatch(ZoneFact.CombatLoot.class::isInstance);
    return Effect()
        .persist(CellMessages.events(cellId, facts))
        .thenRun(
            s -> {
              if (looted) {
                debts.postAll(s.owed(), clock.instant());
              }
            })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onLootAnswered(State state, LootAnswered a) {
    return debts.answered(a) && state.owed().containsKey(a.lootKey())
        ? Effect().persist(new LootSettled(cellId, a.lootKey(), clock.instant())).thenNoReply()
        : Effect().noReply();
  }

  // Event handler

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }
}
