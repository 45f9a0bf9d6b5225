package org.bluemarble.edge.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.PlayerView;
import org.junit.jupiter.api.Test;

/** The X-Character-Id check: own character, another account's, unknown, and not an id at all. */
class CharacterOwnershipTest {
  private static final String ACCOUNT = UUID.randomUUID().toString();
  private static final String MINE = UUID.randomUUID().toString();
  private static final String THEIRS = UUID.randomUUID().toString();

  private static PlayerView character(String id) {
    return new PlayerView(
        id, "Hero", "Mage", new PlayerView.GeoPoint(0, 0, 0), Instant.EPOCH, 1, "node-1");
  }

  /** Only {@link #characters} is asked; the rest is not part of the check. */
  private static final class Accounts implements AccountPort {
    @Override
    public CompletionStage<List<PlayerView>> characters(UUID accountId) {
      return CompletableFuture.completedFuture(
          accountId.toString().equals(ACCOUNT) ? List.of(character(MINE)) : List.of());
    }

    @Override
    public CompletionStage<Registration> register(
        String username, String email, String passwordHash, Set<Role> roles) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Optional<PasswordLogin.Credentials>> findByUsernameKey(String key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Optional<PasswordLogin.Credentials>> findById(UUID accountId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Boolean> changePasswordHash(UUID accountId, String passwordHash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<PlayerView> createCharacter(
        UUID accountId, String name, String characterClass) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Void> deleteCharacter(UUID accountId, UUID playerId) {
      throw new UnsupportedOperationException();
    }
  }

  private static final PlayerAdminPort PLAYERS =
      new PlayerAdminPort() {
        @Override
        public CompletionStage<PlayerView> create(String name, String characterClass) {
          throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<PlayerView>> find(UUID playerId) {
          String id = playerId.toString();
          return CompletableFuture.completedFuture(
              id.equals(MINE) || id.equals(THEIRS) ? Optional.of(character(id)) : Optional.empty());
        }

        @Override
        public CompletionStage<List<PlayerView>> search(String nameContains, int limit) {
          throw new UnsupportedOperationException();
        }
      };

  private final CharacterOwnership ownership = CharacterOwnership.of(new Accounts(), PLAYERS);

  private CharacterOwnership.Verdict check(String character) {
    return ownership.check(ACCOUNT, character).toCompletableFuture().join();
  }

  @Test
  void anOwnCharacterIsOwned() {
    assertThat(check(MINE)).isEqualTo(CharacterOwnership.Verdict.OWNED);
  }

  @Test
  void anotherAccountsCharacterIsNotYours() {
    assertThat(check(THEIRS)).isEqualTo(CharacterOwnership.Verdict.NOT_YOURS);
  }

  @Test
  void anUnknownIdOrNoIdAtAllIsUnknown() {
    assertThat(check(UUID.randomUUID().toString())).isEqualTo(CharacterOwnership.Verdict.UNKNOWN);
    assertThat(check("not-a-uuid")).isEqualTo(CharacterOwnership.Verdict.UNKNOWN);
  }
}
