package org.bluemarble.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.shred.DataSubject;
import org.bluemarble.shred.Personal;
import org.bluemarble.shred.Shredding;

/**
 * One username, recording which account holds it. Keyed by {@link #ref the keyed hash} of its
 * lower-cased form ({@code AccountRules.usernameKey}), so its persistence id holds no name (the
 * name itself is in the events, encrypted with the holder's key). Sharding runs exactly one
 * instance per key in the cluster, and commands reach it one at a time, so the first claim wins
 * everywhere; the claim is persisted before the reply. Also the index from a name to its account,
 * which login uses. Commands carry the name they are about.
 */
public final class UsernameClaim
    extends EventSourcedBehaviorWithEnforcedReplies<
        UsernameClaim.Command, UsernameClaim.Event, UsernameClaim.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "UsernameClaim");

  /** Registers the entity type with Cluster Sharding on this node; events are tagged by slice. */
  public static void init(ActorSystem<?> system, int slices) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        Clock.systemUTC())));
  }

  public static Behavior<Command> create(String claimId, String tag, Clock clock) {
    return new UsernameClaim(claimId, tag, clock);
  }

  /**
   * The claim of {@code usernameKey}: the entity whose id is the name's keyed hash ({@link
   * Shredding#nameHash}).
   */
  public static CompletionStage<EntityRef<Command>> ref(ActorSystem<?> system, String usernameKey) {
    return Shredding.get(system)
        .nameHash(usernameKey)
        .thenApply(id -> ClusterSharding.get(system).entityRefFor(ENTITY_KEY, id));
  }

  // Commands

  /** Everything a UsernameClaim accepts. */
  public sealed interface Command extends CborSerializable permits Claim, GetHolder, Release {}

  /** Claims the name for {@code accountId}; repeating it for the same account is idempotent. */
  public record Claim(String usernameKey, String accountId, ActorRef<Reply> replyTo)
      implements Command {}

  public record GetHolder(String usernameKey, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Frees the name if {@code accountId} holds it (its account could not be created); otherwise
   * changes nothing. The reply says who holds it afterwards.
   */
  public record Release(String usernameKey, String accountId, ActorRef<Reply> replyTo)
      implements Command {}

  // Replies

  /** What a UsernameClaim answers. */
  public sealed interface Reply extends CborSerializable permits Claimed, Taken, Holder {}

  /** The name is {@code accountId}'s (now or already). */
  public record Claimed(String usernameKey, String accountId) implements Reply {}

  /** Another account holds the name; nothing was persisted. */
  public record Taken(String usernameKey) implements Reply {}

  /** Who holds the name; {@code accountId} is null when nobody does. */
  public record Holder(String usernameKey, String accountId) implements Reply {}

  // Events

  public sealed interface Event extends CborSerializable
      permits UsernameClaimed, UsernameReleased {}

  /** The name is encrypted with the claiming account's key (crypto-shredding). */
  public record UsernameClaimed(@Personal String usernameKey, String accountId, Instant at)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return accountId;
    }
  }

  /** Written after an erasure, the name is written as erased. */
  public record UsernameReleased(@Personal String usernameKey, String accountId, Instant at)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return accountId;
    }
  }

  // State

  /** The holder's account id, null while the name is free. */
  public record State(String accountId) implements CborSerializable {
    static final State FREE = new State(null);

    boolean free() {
      return accountId == null;
    }
  }

  private final String tag;
  private final Clock clock;

  private UsernameClaim(String claimId, String tag, Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), claimId));
    this.tag = tag;
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return State.FREE;
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // One event per name in practice; the snapshot only bounds replay if that ever changes.
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Claim.class, this::onClaim)
        .onCommand(GetHolder.class, this::onGetHolder)
        .onCommand(Release.class, this::onRelease)
        .build();
  }

  private ReplyEffect<Event, State> onClaim(State state, Claim cmd) {
    String usernameKey = cmd.usernameKey();
    if (state.free()) {
      return Effect()
          .persist(new UsernameClaimed(usernameKey, cmd.accountId(), clock.instant()))
          .thenReply(cmd.replyTo(), s -> new Claimed(usernameKey, s.accountId()));
    }
    if (state.accountId().equals(cmd.accountId())) {
      return Effect().reply(cmd.replyTo(), new Claimed(usernameKey, state.accountId()));
    }
    return Effect().reply(cmd.replyTo(), new Taken(usernameKey));
  }

  private ReplyEffect<Event, State> onRelease(State state, Release cmd) {
    String usernameKey = cmd.usernameKey();
    if (state.free() || !state.accountId().equals(cmd.accountId())) {
      return Effect().reply(cmd.replyTo(), new Holder(usernameKey, state.accountId()));
    }
    return Effect()
        .persist(new UsernameReleased(usernameKey, cmd.accountId(), clock.instant()))
        .thenReply(cmd.replyTo(), s -> new Holder(usernameKey, s.accountId()));
  }

  private ReplyEffect<Event, State> onGetHolder(State state, GetHolder cmd) {
    return Effect().reply(cmd.replyTo(), new Holder(cmd.usernameKey(), state.accountId()));
  }

  // Event handler

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(UsernameClaimed.class, (s, e) -> new State(e.accountId()))
        .onEvent(UsernameReleased.class, (s, e) -> State.FREE)
        .build();
  }
}
