package org.bluemarble.market.entity;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.InventoryEvent.ItemsAdded;
import org.bluemarble.market.inventory.InventoryEvent.ItemsRemoved;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;

/**
 * What one player owns in the economy: copper wallet, honor points and the 200-slot inventory with
 * equipment. Its own entity keyed by player id rather than part of {@code Player}: the economy
 * writes to it far more often than the character changes, and the market and trade sagas need a
 * target that only speaks {@link Leg}s. Every change arrives as a {@link Leg} with an idempotency
 * key, applied at most once (the applied keys are part of the state). A refused OUT leg (and a
 * refused mint) is persisted too and stands for good ({@link LegVoided}): a copy of the leg still
 * in flight, or a re-post after a coordinator's crash, gets the same refusal, so a coordinator that
 * acted on a refusal is never contradicted by a late application. Other refused IN legs are owed to
 * the player and simply re-posted until they fit. A frozen player's holdings refuse OUT legs but
 * still accept IN legs, so sagas already under way can finish. The player's trust tier (set by an
 * admin, else the configured default) is kept here too: a market, book or auction house puts the
 * limits its operation needs on the charge leg ({@link TierCheck}) and the holdings refuse the leg
 * when the tier does not allow it, so the tier costs no extra message. Snapshotted every {@value
 * #SNAPSHOT_EVERY} events (the snapshot carries the bounded window of settled keys).
 */
public final class Holdings
    extends EventSourcedBehaviorWithEnforcedReplies<
        Holdings.Command, Holdings.Event, HoldingsState> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Holdings");

  /** Events between snapshots; two snapshots are kept, every event stays in the journal. */
  static final int SNAPSHOT_EVERY = 200;

  /** Registers the entity type with Cluster Sharding; events are tagged by slice. */
  public static void init(ActorSystem<?> system, int slices, ItemCatalog catalog) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        catalog,
                        Clock.systemUTC())));
  }

  public static Behavior<Command> create(
      String playerId, String tag, ItemCatalog catalog, Clock clock) {
    return new Holdings(playerId, tag, catalog, clock);
  }

  // Commands

  /** Everything the holdings accept. */
  public sealed interface Command extends CborSerializable
      permits Post, GetHoldings, Freeze, SetTrustTier {}

  /** Apply {@code leg} once. */
  public record Post(Leg leg, ActorRef<LegReply> replyTo) implements Command {}

  public record GetHoldings(ActorRef<HoldingsView> replyTo) implements Command {}

  /**
   * Freeze ({@code frozen}) or unfreeze the player's trading; {@code reason} is shown to admins.
   */
  public record Freeze(boolean frozen, String reason, ActorRef<HoldingsView> replyTo)
      implements Command {}

  /**
   * Give the player trust tier {@code tier} (limits on open listings, orders and auctions and on
   * their value); {@code reason} is shown to admins.
   */
  public record SetTrustTier(TrustTier tier, String reason, ActorRef<HoldingsView> replyTo)
      implements Command {}

  // Events

  public sealed interface Event extends CborSerializable
      permits LegApplied, LegVoided, FreezeChanged, TrustTierChanged {}

  /** A leg applied; {@code added}/{@code removed} name the exact inventory slots (null if none). */
  public record LegApplied(
      String playerId, Leg leg, ItemsAdded added, ItemsRemoved removed, Instant at)
      implements Event {}

  /** A leg refused for good: every later post of {@code key} gets this refusal. */
  public record LegVoided(
      String playerId, String key, MarketError error, String message, Instant at)
      implements Event {}

  public record FreezeChanged(String playerId, boolean frozen, String reason, Instant at)
      implements Event {}

  /** An admin gave the player trust tier {@code tier}. */
  public record TrustTierChanged(String playerId, TrustTier tier, String reason, Instant at)
      implements Event {}

  private final String playerId;
  private final String tag;
  private final ItemCatalog catalog;
  private final Clock clock;

  private Holdings(String playerId, String tag, ItemCatalog catalog, Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), playerId));
    this.playerId = playerId;
    this.tag = tag;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public HoldingsState emptyState() {
    return new HoldingsState(catalog);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  /**
   * Snapshots bound recovery to at most {@value #SNAPSHOT_EVERY} events. Events are never deleted:
   * they are the wallet's and inventory's history, for the ledger, replays and the event stream.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  /** The mutable state is stored as an immutable {@link HoldingsSnapshot}. */
  @Override
  public SnapshotAdapter<HoldingsState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(HoldingsState state) {
        return state.snapshot();
      }

      @Override
      public HoldingsState fromJournal(Object from) {
        return HoldingsState.restore(catalog, (HoldingsSnapshot) from);
      }
    };
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, HoldingsState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Post.class, this::onPost)
        .onCommand(GetHoldings.class, (s, c) -> Effect().reply(c.replyTo(), s.view(playerId)))
        .onCommand(Freeze.class, this::onFreeze)
        .onCommand(
            SetTrustTier.class,
            (s, c) ->
                Effect()
                    .persist(
                        new TrustTierChanged(
                            playerId,
                            c.tier(),
                            c.reason() == null ? "" : c.reason(),
                            clock.instant()))
                    .thenReply(c.replyTo(), st -> st.view(playerId)))
        .build();
  }

  private ReplyEffect<Event, HoldingsState> onPost(HoldingsState state, Post cmd) {
    Leg leg = cmd.leg();
    KeyWindow.Entry settled = state.settled(leg.key());
    if (settled != null) {
      return Effect()
          .reply(
              cmd.replyTo(),
              settled.error() == null
                  ? new LegReply.LegDone(leg.key())
                  : new LegReply.LegRefused(leg.key(), settled.error(), settled.message()));
    }
    if (!leg.playerId().equals(playerId)) {
      return refuse(cmd, MarketError.INVALID_ACCOUNT, "leg for " + leg.playerId());
    }
    if (state.frozen() && leg.direction() == Leg.Direction.OUT) {
      return refuse(cmd, MarketError.TRADING_FROZEN, "trading of " + playerId + " is frozen");
    }
    try {
      if (leg.tierCheck() != null && leg.direction() == Leg.Direction.OUT) {
        leg.tierCheck().require(playerId, state.trustTier());
      }
      LegApplied event = state.decide(playerId, leg, clock.instant());
      return Effect().persist(event).thenReply(cmd.replyTo(), s -> new LegReply.LegDone(leg.key()));
    } catch (MarketException e) {
      return refuse(cmd, e.error(), e.getMessage());
    }
  }

  private ReplyEffect<Event, HoldingsState> refuse(Post cmd, MarketError error, String message) {
    String key = cmd.leg().key();
    if (cmd.leg().direction() == Leg.Direction.IN && !key.startsWith(Treasury.MINT_PREFIX)) {
      // Owed to the player (proceeds, deliveries, returns): re-posted until there is room.
      return Effect().reply(cmd.replyTo(), new LegReply.LegRefused(key, error, message));
    }
    return Effect()
        .persist(new LegVoided(playerId, key, error, message, clock.instant()))
        .thenReply(cmd.replyTo(), s -> new LegReply.LegRefused(key, error, message));
  }

  private ReplyEffect<Event, HoldingsState> onFreeze(HoldingsState state, Freeze cmd) {
    return Effect()
        .persist(new FreezeChanged(playerId, cmd.frozen(), cmd.reason(), clock.instant()))
        .thenReply(cmd.replyTo(), s -> s.view(playerId));
  }

  // Event handler

  @Override
  public EventHandler<HoldingsState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(LegApplied.class, HoldingsState::applied)
        .onEvent(LegVoided.class, HoldingsState::voided)
        .onEvent(FreezeChanged.class, HoldingsState::freezeChanged)
        .onEvent(TrustTierChanged.class, HoldingsState::trustTierChanged)
        .build();
  }
}
