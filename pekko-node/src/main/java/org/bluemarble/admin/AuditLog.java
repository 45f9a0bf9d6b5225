package org.bluemarble.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.bluemarble.node.CborSerializable;

/**
 * The admin audit log, one event-sourced entity per UTC day (entity id {@code 2026-11-25}),
 * sharded. It only appends: there is no command that changes or removes an entry, and its state is
 * empty (entries are read back from the journal by tag {@link #TAG}, see {@link AuditJournal}).
 * Admin actions are rare, so one writer per day is no bottleneck.
 */
public final class AuditLog
    extends EventSourcedBehavior<AuditLog.Command, AuditLog.Recorded, AuditLog.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "AuditLog");

  /** Every audit event carries this tag; the read side queries it. */
  public static final String TAG = "audit";

  /** Registers the entity type with Cluster Sharding on this node. */
  public static void init(ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId())));
  }

  public static Behavior<Command> create(String day) {
    return new AuditLog(day);
  }

  /** The entity id for the day of {@code at} (UTC). */
  public static String dayOf(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }

  /** What an AuditLog accepts: one entry to append. */
  public sealed interface Command extends CborSerializable permits Record {}

  /** Appends {@code entry}; the reply is the stored event. */
  public record Record(Recorded entry, ActorRef<Recorded> replyTo) implements Command {}

  /** One admin action, as stored (the event). */
  public record Recorded(
      String actorId,
      String actorName,
      String action,
      String target,
      String details,
      String remoteAddress,
      Instant at)
      implements CborSerializable {}

  /** No state is kept: the journal is the log. */
  public record State() implements CborSerializable {}

  private AuditLog(String day) {
    super(PersistenceId.of(ENTITY_KEY.name(), day));
  }

  @Override
  public State emptyState() {
    return new State();
  }

  @Override
  public Set<String> tagsFor(Recorded event) {
    return Set.of(TAG);
  }

  @Override
  public CommandHandler<Command, Recorded, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(
            Record.class,
            cmd -> Effect().persist(cmd.entry()).thenReply(cmd.replyTo(), s -> cmd.entry()))
        .build();
  }

  @Override
  public EventHandler<State, Recorded> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((s, e) -> s);
  }
}
