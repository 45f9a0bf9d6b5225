package org.bluemarble.account;

import java.time.Instant;
import java.util.List;
import org.bluemarble.replay.EntityFold;

/**
 * Replay of {@link Account}: the same state transitions as its event handler. The view leaves the
 * password hash out (it says only whether one is set).
 */
public final class AccountFold implements EntityFold<AccountState> {

  /** An account as replay shows it. */
  public record View(
      String username,
      String email,
      boolean passwordSet,
      List<String> roles,
      List<String> characters,
      Instant registeredAt,
      AccountState.BanRecord ban) {}

  @Override
  public String entityType() {
    return Account.ENTITY_KEY.name();
  }

  @Override
  public AccountState initial(String entityId) {
    return AccountState.EMPTY;
  }

  @Override
  public AccountState apply(AccountState s, Object event) {
    if (event instanceof Account.AccountRegistered e) {
      return s.registered(e);
    } else if (event instanceof Account.PasswordChanged e) {
      return s.withPasswordHash(e.passwordHash());
    } else if (event instanceof Account.RoleGranted e) {
      return s.withRole(e.role());
    } else if (event instanceof Account.RoleRevoked e) {
      return s.withoutRole(e.role());
    } else if (event instanceof Account.CharacterAdded e) {
      return s.withCharacter(e.playerId());
    } else if (event instanceof Account.CharacterRemoved e) {
      return s.withoutCharacter(e.playerId());
    } else if (event instanceof Account.AccountBanned e) {
      return s.withBan(new AccountState.BanRecord(e.reason(), e.until(), e.by(), e.at()));
    } else if (event instanceof Account.AccountUnbanned) {
      return s.withBan(null);
    } else if (event instanceof Account.AccountErased) {
      return AccountState.EMPTY;
    }
    throw new IllegalArgumentException("not an Account event: " + event.getClass().getName());
  }

  @Override
  public Object view(AccountState s) {
    return new View(
        s.username(),
        s.email(),
        s.passwordHash() != null,
        s.roles().stream().map(Enum::name).sorted().toList(),
        s.characters(),
        s.registeredAt(),
        s.ban());
  }

  @Override
  public Object snapshotView(Object stored) {
    return stored instanceof AccountState s ? view(s) : null;
  }
}
