package org.bluemarble.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bluemarble.auth.Role;
import org.bluemarble.node.CborSerializable;

/**
 * The state of an {@link Account} as its journal knows it; {@code username == null} until
 * registered. Immutable: each event returns a new state. Never leaves the actor.
 *
 * @param ban the ban in force (it may have expired: compare {@code until} with the clock), or null
 */
public record AccountState(
    String username,
    String email,
    String passwordHash,
    Set<Role> roles,
    List<String> characters,
    Instant registeredAt,
    BanRecord ban)
    implements CborSerializable {

  /** A ban: why, until when (null: until lifted), by which admin, since when. */
  public record BanRecord(String reason, Instant until, String by, Instant at)
      implements CborSerializable {

    /** Whether the ban still holds at {@code now}. */
    public boolean activeAt(Instant now) {
      return until == null || now.isBefore(until);
    }
  }

  /** The companion facts' limit of characters per account. */
  public static final int MAX_CHARACTERS = 10;

  static final AccountState EMPTY =
      new AccountState(null, null, null, Set.of(), List.of(), null, null);

  public AccountState {
    roles = Set.copyOf(roles);
    characters = List.copyOf(characters);
  }

  boolean registered() {
    return username != null;
  }

  AccountState registered(Account.AccountRegistered e) {
    return new AccountState(
        e.username(), e.email(), e.passwordHash(), e.roles(), List.of(), e.at(), null);
  }

  AccountState withPasswordHash(String hash) {
    return new AccountState(username, email, hash, roles, characters, registeredAt, ban);
  }

  AccountState withRole(Role role) {
    Set<Role> more = EnumSet.of(role);
    more.addAll(roles);
    return new AccountState(username, email, passwordHash, more, characters, registeredAt, ban);
  }

  AccountState withoutRole(Role role) {
    Set<Role> fewer = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    fewer.remove(role);
    return new AccountState(username, email, passwordHash, fewer, characters, registeredAt, ban);
  }

  AccountState withBan(BanRecord newBan) {
    return new AccountState(username, email, passwordHash, roles, characters, registeredAt, newBan);
  }

  AccountState withCharacter(String playerId) {
    List<String> more = new ArrayList<>(characters);
    more.add(playerId);
    return new AccountState(username, email, passwordHash, roles, more, registeredAt, ban);
  }

  AccountState withoutCharacter(String playerId) {
    List<String> fewer = new ArrayList<>(characters);
    fewer.remove(playerId);
    return new AccountState(username, email, passwordHash, roles, fewer, registeredAt, ban);
  }
}
