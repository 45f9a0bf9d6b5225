package org.bluemarble.market.holdings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
import org.bluemarble.market.inventory.EquipmentSlot;
import org.bluemarble.market.inventory.InventoryEvent.ItemsAdded;
import org.bluemarble.market.inventory.InventoryEvent.ItemsRemoved;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.journal.GroupCommit;
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
    return Behaviors.setup(ctx -> new Holdings(playerId, tag, catalog, clock, ctx.getSelf()));
  }

  // Commands

  /** Everything the holdings accept. */
  public sealed interface Command extends CborSerializable
      permits Post,
          GetHoldings,
          Freeze,
          SetTrustTier,
          EraseHistory,
          Flush,
          Equip,
          Unequip,
          GetEquipment {}

  /** Apply {@code leg} once. */
  public record Post(Leg leg, ActorRef<LegReply> replyTo) implements Command {}

  public record GetHoldings(ActorRef<HoldingsView> replyTo) implements Command {}

  /** Decides and persists the posts gathered since the last flush (sent to itself). */
  enum Flush implements Command {
    INSTANCE
  }

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

  /**
   * Moves one {@code itemId} from the bag into equipment slot {@code slot} (what was worn there
   * goes back into the bag), so a worn item is never also in the bag, for sale or traded.
   */
  public record Equip(String itemId, EquipmentSlot slot, ActorRef<EquipReply> replyTo)
      implements Command {}

  /** Moves what is worn in {@code slot} back into the first free bag slot. */
  public record Unequip(EquipmentSlot slot, ActorRef<EquipReply> replyTo) implements Command {}

  /** What the player wears (combat reads it on entry). */
  public record GetEquipment(ActorRef<EquipReply> replyTo) implements Command {}

  /** The answer to an equipment command: what is worn now, or why it was refused. */
  public sealed interface EquipReply extends CborSerializable permits Worn, EquipRefused {}

  /** Item ids by equipment slot. */
  public record Worn(Map<EquipmentSlot, String> equipment) implements EquipReply {
    public Worn {
      equipment = Map.copyOf(equipment);
    }
  }

  /** Nothing changed, because of {@code error}. */
  public record EquipRefused(MarketError error, String message) implements EquipReply {}

  /** The freeze reason of holdings whose owner's account was erased. */
  public static final String ERASED = "account erased";

  /**
   * The owner's account was erased (GDPR): forget the ledger lines shown for the player and freeze
   * trading for good ({@link #ERASED}). Balances and items stay where they are, so the ledger
   * invariant holds; IN legs of sagas already under way are still accepted.
   */
  public record EraseHistory(ActorRef<HoldingsView> replyTo) implements Command {}

  // Events

  public sealed interface Event extends CborSerializable
      permits LegApplied,
          LegVoided,
          LegsRecorded,
          FreezeChanged,
          TrustTierChanged,
          HistoryErased,
          ItemWorn,
          ItemTakenOff {}

  /** A leg applied; {@code added}/{@code removed} name the exact inventory slots (null if none). */
  public record LegApplied(
      String playerId, Leg leg, ItemsAdded added, ItemsRemoved removed, Instant at)
      implements Event {}

  /** A leg refused for good: every later post of {@code key} gets this refusal. */
  public record LegVoided(
      String playerId, String key, MarketError error, String message, Instant at)
      implements Event {}

  /** Legs applied and refused together in one journal write (group commit), each in order. */
  public record LegsRecorded(String playerId, List<LegApplied> applied, List<LegVoided> voided)
      implements Event {
    public LegsRecorded {
      applied = List.copyOf(applied);
      voided = List.copyOf(voided);
    }
  }

  public record FreezeChanged(String playerId, boolean frozen, String reason, Instant at)
      implements Event {}

  /** The owner's account was erased: the ledger lines are forgotten and trading is frozen. */
  public record HistoryErased(String playerId, Instant at) implements Event {}

  /** {@code itemId} moved from bag slot {@code fromBagSlot} into equipment slot {@code slot}. */
  public record ItemWorn(
      String playerId, EquipmentSlot slot, String itemId, int fromBagSlot, Instant at)
      implements Event {}

  /** {@code itemId} moved from equipment slot {@code slot} into bag slot {@code toBagSlot}. */
  public record ItemTakenOff(
      String playerId, EquipmentSlot slot, String itemId, int toBagSlot, Instant at)
      implements Event {}

  /** An admin gave the player trust tier {@code tier}. */
  public record TrustTierChanged(String playerId, TrustTier tier, String reason, Instant at)
      implements Event {}

  private final String playerId;
  private final String tag;
  private final ItemCatalog catalog;
  private final Clock clock;
  private final ActorRef<Command> self;

  /** Posts waiting for the next flush, in arrival order. */
  private final List<Post> waiting = new ArrayList<>();

  private final GroupCommit commit;

  private Holdings(
      String playerId, String tag, ItemCatalog catalog, Clock clock, ActorRef<Command> self) {
    super(PersistenceId.of(ENTITY_KEY.name(), playerId));
    this.playerId = playerId;
    this.tag = tag;
    this.catalog = catalog;
    this.clock = clock;
    this.self = self;
    this.commit = new GroupCommit(() -> self.tell(Flush.INSTANCE));
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
    return HoldingsState.snapshotAdapter(catalog);
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, HoldingsState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Post.class, this::onPost)
        .onCommand(GetHoldings.class, this::onGetHoldings)
        .onCommand(Freeze.class, this::onFreeze)
        .onCommand(Flush.class, this::onFlush)
        .onCommand(SetTrustTier.class, this::onSetTrustTier)
        .onCommand(EraseHistory.class, this::onEraseHistory)
        .onCommand(Equip.class, this::onEquip)
        .onCommand(Unequip.class, this::onUnequip)
        .onCommand(GetEquipment.class, (s, c) -> Effect().reply(c.replyTo(), s.worn()))
        .build();
  }

  /**
   * Gathers {@code cmd} for the next flush. Posts arriving while a write is under way wait (Pekko
   * stashes them) and are then gathered together, so a busy player's legs share one journal write.
   */
  private ReplyEffect<Event, HoldingsState> onPost(HoldingsState state, Post cmd) {
    waiting.add(cmd);
    commit.wake(true);
    return Effect().noReply();
  }

  /** Decides every waiting post in order against a draft and persists the outcome at once. */
  private ReplyEffect<Event, HoldingsState> onFlush(HoldingsState state, Flush flush) {
    return flushThen(state, null, s -> {});
  }

  /**
   * A read after posts that are still waiting is answered after them: a client that saw its
   * operation answered and then reads its wallet sees the operation's legs.
   */
  private ReplyEffect<Event, HoldingsState> onGetHoldings(HoldingsState state, GetHoldings cmd) {
    if (waiting.isEmpty()) {
      return Effect().reply(cmd.replyTo(), state.view(playerId));
    }
    return flushThen(state, null, s -> cmd.replyTo().tell(s.view(playerId)));
  }

  /** Posts that arrived before the change are decided under the old tier, in the same write. */
  private ReplyEffect<Event, HoldingsState> onSetTrustTier(HoldingsState state, SetTrustTier cmd) {
    return flushThen(
        state,
        new TrustTierChanged(
            playerId, cmd.tier(), cmd.reason() == null ? "" : cmd.reason(), clock.instant()),
        s -> cmd.replyTo().tell(s.view(playerId)));
  }

  /** Posts that arrived before the freeze are decided before it, in the same write. */
  private ReplyEffect<Event, HoldingsState> onFreeze(HoldingsState state, Freeze cmd) {
    return flushThen(
        state,
        new FreezeChanged(playerId, cmd.frozen(), cmd.reason(), clock.instant()),
        s -> cmd.replyTo().tell(s.view(playerId)));
  }

  private ReplyEffect<Event, HoldingsState> onEquip(HoldingsState state, Equip cmd) {
    return wearing(
        cmd, cmd.replyTo(), () -> state.wear(playerId, cmd.itemId(), cmd.slot(), clock.instant()));
  }

  private ReplyEffect<Event, HoldingsState> onUnequip(HoldingsState state, Unequip cmd) {
    return wearing(cmd, cmd.replyTo(), () -> state.takeOff(playerId, cmd.slot(), clock.instant()));
  }

  /**
   * Changes what is worn against the state after the posts already waiting: while some wait, the
   * command goes back to the mailbox behind their flush.
   */
  private ReplyEffect<Event, HoldingsState> wearing(
      Command cmd, ActorRef<EquipReply> replyTo, Supplier<Event> change) {
    if (!waiting.isEmpty()) {
      self.tell(cmd);
      return Effect().noReply();
    }
    try {
      return Effect().persist(change.get()).thenReply(replyTo, HoldingsState::worn);
    } catch (MarketException e) {
      return Effect().reply(replyTo, new EquipRefused(e.error(), e.getMessage()));
    } catch (NullPointerException e) {
      return Effect()
          .reply(replyTo, new EquipRefused(MarketError.INVALID_SLOT, "slot and item required"));
    }
  }

  private ReplyEffect<Event, HoldingsState> onEraseHistory(HoldingsState state, EraseHistory cmd) {
    return flushThen(
        state,
        new HistoryErased(playerId, clock.instant()),
        s -> cmd.replyTo().tell(s.view(playerId)));
  }

  /**
   * Decides the waiting posts against a draft, persists their outcome (plus {@code extra}, if any)
   * in one write, then answers the posts and runs {@code after} on the new state.
   */
  private ReplyEffect<Event, HoldingsState> flushThen(
      HoldingsState state, Event extra, Consumer<HoldingsState> after) {
    commit.flushing();
    List<Post> posts = List.copyOf(waiting);
    waiting.clear();
    HoldingsDraft draft = state.draft();
    List<LegReply> answers = new ArrayList<>(posts.size());
    Instant now = clock.instant();
    for (Post post : posts) {
      answers.add(draft.decide(playerId, post.leg(), now));
    }
    List<Event> events = draft.events(playerId, extra);
    return GroupCommit.persistThen(
        Effect(),
        state,
        events,
        s -> {
          answer(posts, answers);
          after.accept(s);
        });
  }

  private static void answer(List<Post> posts, List<LegReply> answers) {
    for (int i = 0; i < posts.size(); i++) {
      posts.get(i).replyTo().tell(answers.get(i));
    }
  }

  // Event handler

  @Override
  public EventHandler<HoldingsState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(LegApplied.class, HoldingsState::applied)
        .onEvent(LegVoided.class, HoldingsState::voided)
        .onEvent(LegsRecorded.class, HoldingsState::recorded)
        .onEvent(FreezeChanged.class, HoldingsState::freezeChanged)
        .onEvent(TrustTierChanged.class, HoldingsState::trustTierChanged)
        .onEvent(HistoryErased.class, HoldingsState::historyErased)
        .onEvent(ItemWorn.class, HoldingsState::wore)
        .onEvent(ItemTakenOff.class, HoldingsState::tookOff)
        .build();
  }
}
