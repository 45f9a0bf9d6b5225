package org.bluemarble.admin.loadtest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.DoubleBinaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.bluemarble.account.AccountCharacters;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.LoadTestPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.PlayerRules;
import org.bluemarble.player.Position;

/**
 * The node's {@link LoadTestPort}: batches of load-test accounts, name {@code prefix + index}, one
 * shared password hash, one character each, checkpointed at its position on the ground. {@link
 * #PARALLELISM} accounts are in flight at once, so the journal batches their writes. Everything the
 * node does only for load tests lives in this package; it is off unless {@code
 * bluemarble.admin.load-test-accounts = on}.
 */
public final class LoadTestAccounts implements LoadTestPort {
  /** Most accounts per batch. */
  public static final int MAX_COUNT = 10_000;

  /** Accounts being created at once (each is five journal writes in sequence). */
  static final int PARALLELISM = 128;

  private final ActorSystem<?> system;
  private final AccountPort accounts;
  private final AccountCharacters characters;
  private final Place spawn;
  private final DoubleBinaryOperator groundMetres;
  private final boolean enabled;

  /**
   * @param spawn where characters go when the batch gives no positions
   * @param groundMetres terrain height (metres) at (latitude, longitude) in degrees
   * @param enabled {@code bluemarble.admin.load-test-accounts}
   */
  public LoadTestAccounts(
      ActorSystem<?> system,
      AccountPort accounts,
      AccountCharacters characters,
      Place spawn,
      DoubleBinaryOperator groundMetres,
      boolean enabled) {
    this.system = system;
    this.accounts = accounts;
    this.characters = characters;
    this.spawn = spawn;
    this.groundMetres = groundMetres;
    this.enabled = enabled;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  /** Validates the whole batch, then creates it; fails with INVALID_INPUT naming the field. */
  @Override
  public CompletionStage<List<Created>> create(Batch batch) {
    validate(batch);
    return Source.range(0, batch.count() - 1)
        .mapAsync(PARALLELISM, i -> createOne(batch, i))
        .runWith(Sink.seq(), system);
  }

  private CompletionStage<Created> createOne(Batch batch, int index) {
    String username = batch.prefix() + index;
    Place at = batch.positions() == null ? spawn : batch.positions().get(index);
    Position position =
        new Position(
            at.latitude(),
            at.longitude(),
            Math.max(0, groundMetres.applyAsDouble(at.latitude(), at.longitude())));
    return accounts
        .register(
            username, username + "@load-test.invalid", batch.passwordHash(), Set.of(Role.PLAYER))
        .thenCompose(
            registration -> {
              if (!(registration instanceof AccountPort.Registered registered)) {
                throw new PortException(
                    PortException.Code.CONFLICT,
                    "username " + username + " is taken; choose another prefix");
              }
              return characters
                  .createForNewAccount(
                      registered.accountId(),
                      characterName(username, index),
                      batch.characterClass(),
                      position)
                  .thenApply(
                      profile -> new Created(username, registered.accountId(), profile.playerId()));
            });
  }

  /** The username when it is a valid character name, else {@code Bot <index>}. */
  static String characterName(String username, int index) {
    return PlayerRules.nameProblem(username).isEmpty() ? username : "Bot " + index;
  }

  static void validate(Batch batch) {
    if (batch.count() < 1 || batch.count() > MAX_COUNT) {
      throw invalid("count must be in [1, " + MAX_COUNT + "], was " + batch.count());
    }
    try {
      AccountRules.validateUsername(batch.prefix() + "0");
      AccountRules.validateUsername(batch.prefix() + (batch.count() - 1));
    } catch (InvalidAccountInputException e) {
      throw invalid("prefix + index must be a valid username: " + e.getMessage());
    }
    if (CharacterClass.parse(batch.characterClass()).isEmpty()) {
      throw invalid(
          "characterClass must be one of "
              + CharacterClass.allowed()
              + ", was "
              + batch.characterClass());
    }
    List<Place> positions = batch.positions();
    if (positions == null) {
      return;
    }
    if (positions.size() != batch.count()) {
      throw invalid(
          "positions must hold one entry per account ("
              + batch.count()
              + "), held "
              + positions.size());
    }
    for (int i = 0; i < positions.size(); i++) {
      Place p = positions.get(i);
      if (p == null) {
        throw invalid("positions[" + i + "] is null");
      }
      PlayerRules.positionProblem(p.latitude(), p.longitude(), 0)
          .ifPresent(
              problem -> {
                throw invalid("positions[" + p + "]: " + problem);
              });
    }
  }

  private static PortException invalid(String message) {
    return new PortException(PortException.Code.INVALID_INPUT, message);
  }
}
