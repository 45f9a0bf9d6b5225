package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions of logins: the sid claim, logout, ending all sessions, renewal, the cache bound. */
class SessionLoginsTest {
  private static final TokenSettings SETTINGS =
      TokenSettings.of("https://bluemarble.test/", "game");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SessionStore store = new InMemorySessionStore();
  private final KeyRing ring = KeyRing.generate();
  private final TokenService tokens =
      new TokenService(SETTINGS, ring, clock, new CachedSessionCheck(store, Duration.ZERO, clock));
  private final RefreshTokens refresh =
      new RefreshTokens(new InMemoryRefreshTokenStore(clock), Duration.ofDays(30), clock);
  private final SessionLogins logins =
      new SessionLogins(tokens, refresh, store, Duration.ofHours(2), clock);

  @Test
  void anAccessTokenCarriesItsSessionWhoseIdIsTheRefreshFamily() throws Exception {
    SessionLogins.Issued login = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    AccessClaims claims = tokens.verify(login.access().token());
    assertThat(claims.sessionId()).isEqualTo(login.refresh().familyId());
    assertThat(store.find(claims.sessionId(), clock.instant()))
        .get()
        .extracting(Session::accountId)
        .isEqualTo("acc-1");
  }

  @Test
  void logoutEndsTheSessionAndItsAccessTokensAreRefused() throws Exception {
    SessionLogins.Issued login = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    assertThat(logins.logout(login.refresh().token())).isTrue();
    assertRefused(login.access().token(), TokenRejection.SESSION_REVOKED);
    assertThat(refresh.rotate(login.refresh().token()))
        .isEqualTo(new RefreshTokens.Rejected(RefreshTokens.Rejection.FAMILY_REVOKED));
  }

  @Test
  void endingAllSessionsOfAnAccountRefusesEveryTokenOfItButNoOtherAccounts() throws Exception {
    SessionLogins.Issued phone = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    SessionLogins.Issued laptop = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    SessionLogins.Issued other = logins.open("acc-2", "bob", Set.of(Role.PLAYER));
    assertThat(logins.endAll("acc-1")).isEqualTo(2);
    assertRefused(phone.access().token(), TokenRejection.SESSION_REVOKED);
    assertRefused(laptop.access().token(), TokenRejection.SESSION_REVOKED);
    assertThat(tokens.verify(other.access().token()).accountId()).isEqualTo("acc-2");
  }

  @Test
  void endedSessionsCannotBeRenewedWithTheirRefreshTokens() {
    SessionLogins.Issued phone = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    logins.endAll("acc-1");
    assertThat(refresh.rotate(phone.refresh().token()))
        .isEqualTo(new RefreshTokens.Rejected(RefreshTokens.Rejection.FAMILY_REVOKED));
  }

  @Test
  void endingTheOtherSessionsKeepsOnlyTheCallersSession() throws Exception {
    SessionLogins.Issued phone = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    SessionLogins.Issued laptop = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    SessionLogins.Issued tablet = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    String keep = tokens.verify(laptop.access().token()).sessionId();

    assertThat(logins.endOthers("acc-1", keep)).isEqualTo(2);

    assertRefused(phone.access().token(), TokenRejection.SESSION_REVOKED);
    assertRefused(tablet.access().token(), TokenRejection.SESSION_REVOKED);
    assertThat(tokens.verify(laptop.access().token()).sessionId()).isEqualTo(keep);
    assertThat(refresh.rotate(phone.refresh().token()))
        .isEqualTo(new RefreshTokens.Rejected(RefreshTokens.Rejection.FAMILY_REVOKED));
    assertThat(refresh.rotate(laptop.refresh().token())).isInstanceOf(RefreshTokens.Rotated.class);
  }

  @Test
  void aRefreshRenewsTheSameSessionPastItsFirstExpiry() throws Exception {
    Instant start = clock.instant();
    SessionLogins.Issued login = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    clock.advance(Duration.ofMinutes(100));
    RefreshTokens.Issued next =
        ((RefreshTokens.Rotated) refresh.rotate(login.refresh().token())).next();
    SessionLogins.Issued renewed = logins.renew(next, "alice", Set.of(Role.PLAYER));
    String sid = tokens.verify(renewed.access().token()).sessionId();
    assertThat(sid).isEqualTo(login.refresh().familyId());
    // The first expiry was start + 2 h; the renewal moved it to start + 100 min + 2 h.
    assertThat(store.find(sid, start.plus(Duration.ofMinutes(130)))).isPresent();
    assertThat(store.find(sid, start.plus(Duration.ofMinutes(220)))).isEmpty();
  }

  @Test
  void aTokenWithoutSidIsRefusedWhereSessionsAreEnforced() {
    String bare = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token();
    assertRefused(bare, TokenRejection.SESSION_REVOKED);
  }

  @Test
  void aTokenOfAnotherAccountsSessionIsRefused() {
    SessionLogins.Issued login = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    String forgedPair =
        tokens.issue("acc-2", "bob", Set.of(Role.ADMIN), login.refresh().familyId()).token();
    assertRefused(forgedPair, TokenRejection.SESSION_REVOKED);
  }

  @Test
  void aCachedAnswerOutlivesARevocationByAtMostTheCacheWindow() throws Exception {
    TokenService cached =
        new TokenService(
            SETTINGS, ring, clock, new CachedSessionCheck(store, Duration.ofSeconds(2), clock));
    SessionLogins.Issued login = logins.open("acc-1", "alice", Set.of(Role.PLAYER));
    assertThat(cached.verify(login.access().token()).accountId()).isEqualTo("acc-1");
    logins.logout(login.refresh().token());
    clock.advance(Duration.ofMillis(1999));
    assertThat(cached.verify(login.access().token()).accountId()).isEqualTo("acc-1");
    clock.advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> cached.verify(login.access().token()))
        .isInstanceOfSatisfying(
            InvalidTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejection.SESSION_REVOKED));
  }

  @Test
  void refusesACacheWindowOutsideItsRange() {
    assertThatThrownBy(() -> new CachedSessionCheck(store, Duration.ofMinutes(2), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 .. 1 min");
  }

  private void assertRefused(String token, TokenRejection reason) {
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
