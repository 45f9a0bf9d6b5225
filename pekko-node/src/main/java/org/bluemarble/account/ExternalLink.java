package org.bluemarble.account;

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
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.shred.DataSubject;
import org.bluemarble.shred.Personal;

/**
 * One external identity, keyed {@code <provider>:<subject>} ({@link #key}), recording which account
 * it is linked to. Like {@link UsernameClaim}, sharding runs one instance per key in the cluster
 * and commands reach it one at a time, so the first link wins everywhere; the link is persisted
 * before the reply.
 */
public final class ExternalLink
    extends EventSourcedBehaviorWithEnforcedReplies<
        ExternalLink.Command, ExternalLink.Event, ExternalLink.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "ExternalLink");

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

  public static Behavior<Command> create(String key, String tag, Clock clock) {
    return new ExternalLink(key, tag, clock);
  }

  /** The entity id of an identity; provider names hold no colon, so the key is unambiguous. */
  public static String key(String provider, String subject) {
    return provider + ":" + subject;
  }

  // Commands

  /** Everything an ExternalLink accepts. */
  public sealed interface Command extends CborSerializable permits Link, GetHolder, Unlink {}

  /** Links the identity to {@code accountId}; repeating it for the same account is idempotent. */
  public record Link(String accountId, ActorRef<Holder> replyTo) implements Command {}

  public record GetHolder(ActorRef<Holder> replyTo) implements Command {}

  /**
   * Removes the link if {@code accountId} holds it (that account was erased); otherwise changes
   * nothing.
   */
  public record Unlink(String accountId, ActorRef<Holder> replyTo) implements Command {}

  // Replies

  /** Who holds the identity after the command; {@code accountId} is null when nobody does. */
  public record Holder(String key, String accountId) implements CborSerializable {}

  // Events

  public sealed interface Event extends CborSerializable
      permits ExternalIdentityLinked, ExternalIdentityUnlinked {}

  /** The identity is encrypted with the linked account's key (crypto-shredding). */
  public record ExternalIdentityLinked(@Personal String key, String accountId, Instant at)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return accountId;
    }
  }

  public record ExternalIdentityUnlinked(@Personal String key, String accountId, Instant at)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return accountId;
    }
  }

  // State

  /** The linked account's id, null while the identity is free. */
  public record State(String accountId) implements CborSerializable {
    static final State FREE = new State(null);

    boolean free() {
      return accountId == null;
    }
  }

  private final String key;
  private final String tag;
  private final Clock clock;

  private ExternalLink(String key, String tag, Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), key));
    this.key = key;
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
    // A link changes at most a few times; the snapshot only bounds replay if that ever changes.
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Link.class, this::onLink)
        .onCommand(GetHolder.class, this::onGetHolder)
        .onCommand(Unlink.class, this::onUnlink)
        .build();
  }

  private ReplyEffect<Event, State> onLink(State state, Link cmd) {
    if (state.free()) {
      return Effect()
          .persist(new ExternalIdentityLinked(key, cmd.accountId(), clock.instant()))
          .thenReply(cmd.replyTo(), s -> new Holder(key, s.accountId()));
    }
    return Effect().reply(cmd.replyTo(), new Holder(key, state.accountId()));
  }

  private ReplyEffect<Event, State> onUnlink(State state, Unlink cmd) {
    if (state.free() || !state.accountId().equals(cmd.accountId())) {
      return Effect().reply(cmd.replyTo(), new Holder(key, state.accountId()));
    }
    return Effect()
        .persist(new ExternalIdentityUnlinked(key, cmd.accountId(), clock.instant()))
        .thenReply(cmd.replyTo(), s -> new Holder(key, s.accountId()));
  }

  private ReplyEffect<Event, State> onGetHolder(State state, GetHolder cmd) {
    return Effect().reply(cmd.replyTo(), new Holder(key, state.accountId()));
  }

  // Event handler

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(ExternalIdentityLinked.class, (s, e) -> new State(e.accountId()))
        .onEvent(ExternalIdentityUnlinked.class, (s, e) -> State.FREE)
        .build();
  }
}
