package org.bluemarble.player;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.combat.Experience;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.shred.DataSubject;
import org.bluemarble.shred.Personal;

/**
 * A player character: sharded by player id (a UUID), event-sourced. Holds the character's name,
 * class, last checkpointed position and experience (the level follows from it through {@link
 * Experience}). Invalid input is rejected with a reply that says why, and nothing is persisted.
 */
public final class Player
    extends EventSourcedBehaviorWithEnforcedReplies<Player.Command, Player.Event, Player.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Player");

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

  public static Behavior<Command> create(String playerId, String tag, Clock clock) {
    return Behaviors.setup(
        ctx -> new Player(playerId, tag, clock, ctx.getSystem().address().toString()));
  }

  // Commands

  /** Everything a Player accepts. */
  public sealed interface Command extends CborSerializable
      permits CreateCharacter, GetProfile, CheckpointPosition, Rename, GainExperience {}

  /** Creates the character; {@code characterClass} is the class's name as the client sent it. */
  public record CreateCharacter(String name, String characterClass, ActorRef<Reply> replyTo)
      implements Command {}

  public record GetProfile(ActorRef<Reply> replyTo) implements Command {}

  /**
   * Stores where the character is; sent by the zone simulation (at least every 10 s, on cell
   * change, on leave).
   */
  public record CheckpointPosition(
      double latitude, double longitude, double altitude, ActorRef<Reply> replyTo)
      implements Command {}

  public record Rename(String newName, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Adds {@code amount} (1..{@value #MAX_EXPERIENCE_GRANT}) experience earned by {@code source}
   * (such as {@code "kill:wolf"} or {@code "harvest:timber"}); sent by the zone cell that saw the
   * deed. {@code grantId} makes a re-sent grant count once.
   */
  public record GainExperience(long amount, String source, String grantId, ActorRef<Reply> replyTo)
      implements Command {}

  /** Largest single experience grant accepted; more is a bug or a cheat. */
  public static final long MAX_EXPERIENCE_GRANT = 1_000_000;

  // Replies

  /** What a Player answers: its profile, or why it refused. */
  public sealed interface Reply extends CborSerializable permits Profile, Rejected {}

  /**
   * A copy of the character's state. {@code position} is null until the first checkpoint; {@code
   * hostedBy} is the cluster address of the node that answered (operators use it to see shard
   * placement).
   */
  public record Profile(
      String playerId,
      String name,
      CharacterClass characterClass,
      Position position,
      Instant createdAt,
      long revision,
      String hostedBy,
      int level,
      long experience)
      implements Reply {
    /** A level-1 profile without experience. */
    public Profile(
        String playerId,
        String name,
        CharacterClass characterClass,
        Position position,
        Instant createdAt,
        long revision,
        String hostedBy) {
      this(playerId, name, characterClass, position, createdAt, revision, hostedBy, 1, 0);
    }
  }

  /** Why a command was refused. Nothing was persisted. */
  public record Rejected(Reason reason, String message) implements Reply {}

  /** Kinds of refusal, so that edges can map them to their own error codes. */
  public enum Reason {
    INVALID_INPUT,
    NOT_FOUND,
    ALREADY_EXISTS
  }

  // Events

  public sealed interface Event extends CborSerializable
      permits CharacterCreated,
          PositionCheckpointed,
          CharacterRenamed,
          ExperienceGained,
          LevelledUp {}

  /** The name is encrypted with the character's own key, erased with its account. */
  public record CharacterCreated(
      String playerId, @Personal String name, CharacterClass characterClass, Instant createdAt)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return playerId;
    }
  }

  public record PositionCheckpointed(String playerId, Position position, Instant at)
      implements Event {}

  public record CharacterRenamed(String playerId, @Personal String name)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return playerId;
    }
  }

  /**
   * Experience earned ({@code source} such as {@code "kill:wolf"}), with the new total; {@code
   * grantId} is remembered so a re-sent grant is ignored.
   */
  public record ExperienceGained(
      String playerId, long amount, String source, String grantId, long totalExperience, Instant at)
      implements Event {}

  /**
   * The character reached {@code level} (persisted beside the grant that crossed the threshold).
   */
  public record LevelledUp(String playerId, int level, Instant at) implements Event {}

  // State

  /** The character as the journal knows it; {@code name == null} until created. */
  public record State(
      String name,
      CharacterClass characterClass,
      Position position,
      Instant createdAt,
      long revision,
      long experience,
      String lastGrantId)
      implements CborSerializable {
    static final State EMPTY = new State(null, null, null, null, 0, 0, null);

    /** A state without experience (as journals written before progression existed restore). */
    public State(
        String name,
        CharacterClass characterClass,
        Position position,
        Instant createdAt,
        long revision) {
      this(name, characterClass, position, createdAt, revision, 0, null);
    }

    int level() {
      return Experience.levelFor(experience);
    }

    State gained(ExperienceGained e) {
      return new State(
          name,
          characterClass,
          position,
          createdAt,
          revision + 1,
          e.totalExperience(),
          e.grantId());
    }

    boolean created() {
      return name != null;
    }

    State created(CharacterCreated e) {
      return new State(e.name(), e.characterClass(), null, e.createdAt(), revision + 1, 0, null);
    }

    State checkpointed(PositionCheckpointed e) {
      return new State(
          name, characterClass, e.position(), createdAt, revision + 1, experience, lastGrantId);
    }

    State renamed(CharacterRenamed e) {
      return new State(
          e.name(), characterClass, position, createdAt, revision + 1, experience, lastGrantId);
    }
  }

  private final String playerId;
  private final String tag;
  private final Clock clock;
  private final String hostedBy;

  private Player(String playerId, String tag, Clock clock, String hostedBy) {
    super(PersistenceId.of(ENTITY_KEY.name(), playerId));
    this.playerId = playerId;
    this.tag = tag;
    this.clock = clock;
    this.hostedBy = hostedBy;
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

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(CreateCharacter.class, this::onCreateCharacter)
        .onCommand(GetProfile.class, this::onGetProfile)
        .onCommand(CheckpointPosition.class, this::onCheckpointPosition)
        .onCommand(Rename.class, this::onRename)
        .onCommand(GainExperience.class, this::onGainExperience)
        .build();
  }

  private ReplyEffect<Event, State> onCreateCharacter(State state, CreateCharacter cmd) {
    if (state.created()) {
      return reject(cmd.replyTo(), Reason.ALREADY_EXISTS, "player " + playerId + " already exists");
    }
    Optional<String> problem = PlayerRules.nameProblem(cmd.name());
    if (problem.isPresent()) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, problem.get());
    }
    Optional<CharacterClass> cls = CharacterClass.parse(cmd.characterClass());
    if (cls.isEmpty()) {
      return reject(
          cmd.replyTo(),
          Reason.INVALID_INPUT,
          "class must be one of " + CharacterClass.allowed() + ", was " + cmd.characterClass());
    }
    return Effect()
        .persist(new CharacterCreated(playerId, cmd.name(), cls.get(), clock.instant()))
        .thenReply(cmd.replyTo(), this::profile);
  }

  private ReplyEffect<Event, State> onGetProfile(State state, GetProfile cmd) {
    if (!state.created()) {
      return notFound(cmd.replyTo());
    }
    return Effect().reply(cmd.replyTo(), profile(state));
  }

  private ReplyEffect<Event, State> onCheckpointPosition(State state, CheckpointPosition cmd) {
    if (!state.created()) {
      return notFound(cmd.replyTo());
    }
    Optional<String> problem =
        PlayerRules.positionProblem(cmd.latitude(), cmd.longitude(), cmd.altitude());
    if (problem.isPresent()) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, problem.get());
    }
    Position position = new Position(cmd.latitude(), cmd.longitude(), cmd.altitude());
    return Effect()
        .persist(new PositionCheckpointed(playerId, position, clock.instant()))
        .thenReply(cmd.replyTo(), this::profile);
  }

  private ReplyEffect<Event, State> onRename(State state, Rename cmd) {
    if (!state.created()) {
      return notFound(cmd.replyTo());
    }
    Optional<String> problem = PlayerRules.nameProblem(cmd.newName());
    if (problem.isPresent()) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, problem.get());
    }
    return Effect()
        .persist(new CharacterRenamed(playerId, cmd.newName()))
        .thenReply(cmd.replyTo(), this::profile);
  }

  /**
   * Persists the grant, and a level-up for every level crossed. The grant id of the last grant is
   * kept, so the cell re-sending an unanswered grant does not count it twice.
   */
  private ReplyEffect<Event, State> onGainExperience(State state, GainExperience cmd) {
    if (!state.created()) {
      return notFound(cmd.replyTo());
    }
    if (cmd.amount() < 1 || cmd.amount() > MAX_EXPERIENCE_GRANT) {
      return reject(
          cmd.replyTo(),
          Reason.INVALID_INPUT,
          "experience must be 1.." + MAX_EXPERIENCE_GRANT + ", was " + cmd.amount());
    }
    if (cmd.grantId() != null && cmd.grantId().equals(state.lastGrantId())) {
      return Effect().reply(cmd.replyTo(), profile(state));
    }
    long total = Math.min(Long.MAX_VALUE / 2, state.experience() + cmd.amount());
    Instant now = clock.instant();
    java.util.List<Event> events = new java.util.ArrayList<>();
    events.add(
        new ExperienceGained(
            playerId,
            cmd.amount(),
            cmd.source() == null ? "" : cmd.source(),
            cmd.grantId(),
            total,
            now));
    for (int l = state.level() + 1; l <= Experience.levelFor(total); l++) {
      events.add(new LevelledUp(playerId, l, now));
    }
    return Effect().persist(events).thenReply(cmd.replyTo(), this::profile);
  }

  private ReplyEffect<Event, State> notFound(ActorRef<Reply> replyTo) {
    return reject(replyTo, Reason.NOT_FOUND, "no player " + playerId);
  }

  private ReplyEffect<Event, State> reject(ActorRef<Reply> replyTo, Reason reason, String message) {
    return Effect().reply(replyTo, new Rejected(reason, message));
  }

  private Profile profile(State s) {
    return new Profile(
        playerId,
        s.name(),
        s.characterClass(),
        s.position(),
        s.createdAt(),
        s.revision(),
        hostedBy,
        s.level(),
        s.experience());
  }

  // Event handler

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(CharacterCreated.class, (s, e) -> s.created(e))
        .onEvent(PositionCheckpointed.class, (s, e) -> s.checkpointed(e))
        .onEvent(CharacterRenamed.class, (s, e) -> s.renamed(e))
        .onEvent(ExperienceGained.class, (s, e) -> s.gained(e))
        .onEvent(LevelledUp.class, (s, e) -> s)
        .build();
  }
}
