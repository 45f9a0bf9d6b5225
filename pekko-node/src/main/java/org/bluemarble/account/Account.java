package org.bluemarble.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
import org.bluemarble.auth.Role;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.shred.DataSubject;
import org.bluemarble.shred.Personal;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A player's account: sharded by account id (a UUID), event-sourced. Holds the username, email,
 * Argon2id password hash, roles and the ids of the account's characters (at most {@link
 * AccountState#MAX_CHARACTERS}). Name uniqueness is not its job: {@link UsernameClaim} grants the
 * name before an account is registered.
 */
public final class Account
    extends EventSourcedBehaviorWithEnforcedReplies<Account.Command, Account.Event, AccountState> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Account");

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

  public static Behavior<Command> create(String accountId, String tag, Clock clock) {
    return new Account(accountId, tag, clock);
  }

  // Commands

  /** Everything an Account accepts. */
  public sealed interface Command extends CborSerializable
      permits Register,
          GetAccount,
          ChangePassword,
          GrantRole,
          RevokeRole,
          AddCharacter,
          RemoveCharacter,
          Ban,
          Unban,
          Erase {}

  /**
   * Creates the account; the caller has claimed the name and hashed the password. {@code traceId}:
   * the W3C trace of the registration request (null: none), logged as MDC {@code trace_id}.
   */
  public record Register(
      String username,
      String email,
      String passwordHash,
      Set<Role> roles,
      String traceId,
      ActorRef<Reply> replyTo)
      implements Command, Traced {
    /** A registration no request traced (bootstrap admin, load-test accounts, tests). */
    public Register(
        String username,
        String email,
        String passwordHash,
        Set<Role> roles,
        ActorRef<Reply> replyTo) {
      this(username, email, passwordHash, roles, null, replyTo);
    }
  }

  public record GetAccount(ActorRef<Reply> replyTo) implements Command {}

  /** Replaces the password hash (an Argon2id PHC string). */
  public record ChangePassword(String passwordHash, ActorRef<Reply> replyTo) implements Command {}

  public record GrantRole(Role role, ActorRef<Reply> replyTo) implements Command {}

  public record RevokeRole(Role role, ActorRef<Reply> replyTo) implements Command {}

  public record AddCharacter(String playerId, ActorRef<Reply> replyTo) implements Command {}

  public record RemoveCharacter(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** Bans the account until {@code until} (null: until lifted); {@code by} is the admin's id. */
  public record Ban(String reason, Instant until, String by, ActorRef<Reply> replyTo)
      implements Command {}

  /** Lifts the ban; answers the summary whether or not there was one. */
  public record Unban(String by, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Erases the account's personal data (GDPR): afterwards the account reads as not found. The reply
   * is the summary as it was just before, so that the caller can release the name and unlink.
   */
  public record Erase(String by, ActorRef<Reply> replyTo) implements Command {}

  // Replies

  /** What an Account answers: its summary, or why it refused. */
  public sealed interface Reply extends CborSerializable permits Summary, Rejected {}

  /** A copy of the account for the edge (the hash is needed to verify a login). */
  public record Summary(
      String accountId,
      String username,
      String email,
      String passwordHash,
      Set<Role> roles,
      List<String> characters,
      Instant registeredAt,
      AccountState.BanRecord ban)
      implements Reply {}

  /** Why a command was refused. Nothing was persisted. */
  public record Rejected(Reason reason, String message) implements Reply {}

  /** Kinds of refusal. */
  public enum Reason {
    INVALID_INPUT,
    NOT_FOUND,
    ALREADY_EXISTS
  }

  // Events

  public sealed interface Event extends CborSerializable
      permits AccountRegistered,
          PasswordChanged,
          RoleGranted,
          RoleRevoked,
          CharacterAdded,
          CharacterRemoved,
          AccountBanned,
          AccountUnbanned,
          AccountErased {}

  /** Name, email and hash are encrypted with the account's key (crypto-shredding). */
  public record AccountRegistered(
      String accountId,
      @Personal String username,
      @Personal String email,
      @Personal String passwordHash,
      Set<Role> roles,
      Instant at)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return accountId;
    }
  }

  public record PasswordChanged(String accountId, @Personal String passwordHash, Instant at)
      implements Event, DataSubject {
    @Override
    public String dataSubject() {
      return accountId;
    }
  }

  public record RoleGranted(String accountId, Role role, Instant at) implements Event {}

  public record RoleRevoked(String accountId, Role role, Instant at) implements Event {}

  public record CharacterAdded(String accountId, String playerId, Instant at) implements Event {}

  public record CharacterRemoved(String accountId, String playerId, Instant at) implements Event {}

  public record AccountBanned(String accountId, String reason, Instant until, String by, Instant at)
      implements Event {}

  public record AccountUnbanned(String accountId, String by, Instant at) implements Event {}

  /**
   * The tombstone: replaying it empties the state, so every reader sees no account. Earlier events
   * stay in the journal with their personal fields unreadable, the account's key being erased first
   * (see README, "Player data rights").
   */
  public record AccountErased(String accountId, String by, Instant at) implements Event {}

  private static final Logger LOG = LoggerFactory.getLogger(Account.class);

  private final String accountId;
  private final String tag;
  private final Clock clock;

  private Account(String accountId, String tag, Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), accountId));
    this.accountId = accountId;
    this.tag = tag;
    this.clock = clock;
  }

  @Override
  public AccountState emptyState() {
    return AccountState.EMPTY;
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
  public CommandHandlerWithReply<Command, Event, AccountState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Register.class, this::onRegister)
        .onCommand(GetAccount.class, this::onGetAccount)
        .onCommand(ChangePassword.class, this::onChangePassword)
        .onCommand(GrantRole.class, this::onGrantRole)
        .onCommand(RevokeRole.class, this::onRevokeRole)
        .onCommand(AddCharacter.class, this::onAddCharacter)
        .onCommand(RemoveCharacter.class, this::onRemoveCharacter)
        .onCommand(Ban.class, this::onBan)
        .onCommand(Unban.class, this::onUnban)
        .onCommand(Erase.class, this::onErase)
        .build();
  }

  private ReplyEffect<Event, AccountState> onRegister(AccountState state, Register cmd) {
    if (state.registered()) {
      return reject(cmd.replyTo(), Reason.ALREADY_EXISTS, "account " + accountId + " exists");
    }
    if (cmd.roles() == null || cmd.roles().isEmpty() || !cmd.roles().contains(Role.PLAYER)) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, "roles must include Player");
    }
    if (cmd.passwordHash() == null || !cmd.passwordHash().startsWith("$argon2")) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, "passwordHash must be an Argon2 string");
    }
    try (TraceMdc traced = TraceMdc.of(cmd)) {
      LOG.info("registering account {}", accountId);
    }
    return persist(
        new AccountRegistered(
            accountId,
            cmd.username(),
            cmd.email(),
            cmd.passwordHash(),
            Set.copyOf(cmd.roles()),
            clock.instant()),
        cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onGetAccount(AccountState state, GetAccount cmd) {
    return state.registered()
        ? Effect().reply(cmd.replyTo(), summary(state))
        : notFound(cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onChangePassword(
      AccountState state, ChangePassword cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (cmd.passwordHash() == null || !cmd.passwordHash().startsWith("$argon2")) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, "passwordHash must be an Argon2 string");
    }
    return persist(
        new PasswordChanged(accountId, cmd.passwordHash(), clock.instant()), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onGrantRole(AccountState state, GrantRole cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (cmd.role() == null || state.roles().contains(cmd.role())) {
      // Granting a held role changes nothing; not an error, nothing persisted.
      return Effect().reply(cmd.replyTo(), summary(state));
    }
    return persist(new RoleGranted(accountId, cmd.role(), clock.instant()), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onRevokeRole(AccountState state, RevokeRole cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (cmd.role() == Role.PLAYER) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, "every account keeps the Player role");
    }
    if (cmd.role() == null || !state.roles().contains(cmd.role())) {
      return Effect().reply(cmd.replyTo(), summary(state));
    }
    return persist(new RoleRevoked(accountId, cmd.role(), clock.instant()), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onAddCharacter(AccountState state, AddCharacter cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (state.characters().contains(cmd.playerId())) {
      return Effect().reply(cmd.replyTo(), summary(state));
    }
    if (state.characters().size() >= AccountState.MAX_CHARACTERS) {
      return reject(
          cmd.replyTo(),
          Reason.INVALID_INPUT,
          "an account holds at most " + AccountState.MAX_CHARACTERS + " characters");
    }
    return persist(new CharacterAdded(accountId, cmd.playerId(), clock.instant()), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onRemoveCharacter(
      AccountState state, RemoveCharacter cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (!state.characters().contains(cmd.playerId())) {
      return reject(cmd.replyTo(), Reason.NOT_FOUND, "no character " + cmd.playerId() + " here");
    }
    return persist(new CharacterRemoved(accountId, cmd.playerId(), clock.instant()), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onBan(AccountState state, Ban cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (cmd.reason() == null || cmd.reason().isBlank() || cmd.reason().length() > 500) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, "reason must be 1-500 characters");
    }
    Instant now = clock.instant();
    if (cmd.until() != null && !cmd.until().isAfter(now)) {
      return reject(cmd.replyTo(), Reason.INVALID_INPUT, "until must be in the future");
    }
    return persist(
        new AccountBanned(accountId, cmd.reason(), cmd.until(), cmd.by(), now), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onUnban(AccountState state, Unban cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    if (state.ban() == null) {
      return Effect().reply(cmd.replyTo(), summary(state));
    }
    return persist(new AccountUnbanned(accountId, cmd.by(), clock.instant()), cmd.replyTo());
  }

  private ReplyEffect<Event, AccountState> onErase(AccountState state, Erase cmd) {
    if (!state.registered()) {
      return notFound(cmd.replyTo());
    }
    Summary before = summary(state);
    return Effect()
        .persist(new AccountErased(accountId, cmd.by(), clock.instant()))
        .thenReply(cmd.replyTo(), s -> before);
  }

  private ReplyEffect<Event, AccountState> persist(Event event, ActorRef<Reply> replyTo) {
    return Effect().persist(event).thenReply(replyTo, this::summary);
  }

  private ReplyEffect<Event, AccountState> notFound(ActorRef<Reply> replyTo) {
    return reject(replyTo, Reason.NOT_FOUND, "no account " + accountId);
  }

  private ReplyEffect<Event, AccountState> reject(
      ActorRef<Reply> replyTo, Reason reason, String message) {
    return Effect().reply(replyTo, new Rejected(reason, message));
  }

  private Summary summary(AccountState s) {
    return new Summary(
        accountId,
        s.username(),
        s.email(),
        s.passwordHash(),
        s.roles(),
        s.characters(),
        s.registeredAt(),
        s.ban());
  }

  // Event handler

  @Override
  public EventHandler<AccountState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(AccountRegistered.class, (s, e) -> s.registered(e))
        .onEvent(PasswordChanged.class, (s, e) -> s.withPasswordHash(e.passwordHash()))
        .onEvent(RoleGranted.class, (s, e) -> s.withRole(e.role()))
        .onEvent(RoleRevoked.class, (s, e) -> s.withoutRole(e.role()))
        .onEvent(CharacterAdded.class, (s, e) -> s.withCharacter(e.playerId()))
        .onEvent(CharacterRemoved.class, (s, e) -> s.withoutCharacter(e.playerId()))
        .onEvent(
            AccountBanned.class,
            (s, e) -> s.withBan(new AccountState.BanRecord(e.reason(), e.until(), e.by(), e.at())))
        .onEvent(AccountUnbanned.class, (s, e) -> s.withBan(null))
        .onEvent(AccountErased.class, (s, e) -> AccountState.EMPTY)
        .build();
  }
}
