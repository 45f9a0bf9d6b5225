package org.bluemarble.auth;

import java.util.Optional;
import java.util.Set;

/**
 * The credential check of a username/password login: rate limits per source address and per account
 * name, the account lookup, and the Argon2id verification, with the same cost whether the name is
 * unknown or the password wrong. It issues nothing; the caller issues tokens and a session on
 * {@link Succeeded}, and checks bans and maintenance mode, which belong to the account.
 */
public final class PasswordLogin {

  /**
   * Finds an account's credentials by {@link AccountRules#usernameKey}; the Account read side
   * implements it.
   */
  @FunctionalInterface
  public interface CredentialLookup {
    Optional<Credentials> find(String usernameKey);
  }

  /**
   * What the lookup returns: enough to verify and to issue tokens.
   *
   * @param ban the account's ban, or null (the caller refuses tokens while it is active)
   */
  public record Credentials(
      String accountId, String username, String passwordHash, Set<Role> roles, AccountBan ban) {
    public Credentials {
      roles = Set.copyOf(roles);
    }

    /** Credentials of an account without a ban. */
    public Credentials(String accountId, String username, String passwordHash, Set<Role> roles) {
      this(accountId, username, passwordHash, roles, null);
    }

    /** Whether a ban holds at {@code now}. */
    public boolean bannedAt(java.time.Instant now) {
      return ban != null && ban.activeAt(now);
    }
  }

  /** The result of {@link #attempt}. */
  public sealed interface Outcome {}

  /**
   * The password is right.
   *
   * @param needsRehash store {@code PasswordHasher.hash(password)} now: the stored hash uses old
   *     parameters
   */
  public record Succeeded(Credentials account, boolean needsRehash) implements Outcome {}

  /** Unknown name or wrong password; deliberately not saying which. */
  public record Refused() implements Outcome {}

  /** Too many attempts; answer 429 with the decision's headers. */
  public record Throttled(RateLimitKind limit, RateLimitDecision decision) implements Outcome {}

  private final PasswordHasher hasher;
  private final RateLimiter limiter;
  private final CredentialLookup lookup;

  public PasswordLogin(PasswordHasher hasher, RateLimiter limiter, CredentialLookup lookup) {
    this.hasher = hasher;
    this.limiter = limiter;
    this.lookup = lookup;
  }

  /**
   * Checks one login attempt.
   *
   * @param sourceAddress the client's address as the edge sees it (after trusted proxies)
   */
  public Outcome attempt(String username, String password, String sourceAddress) {
    RateLimitDecision byAddress = limiter.tryAcquire(RateLimitKind.LOGIN_ADDRESS, sourceAddress);
    if (!byAddress.allowed()) {
      return new Throttled(RateLimitKind.LOGIN_ADDRESS, byAddress);
    }
    Optional<String> key = usernameKey(username);
    if (key.isPresent()) {
      Optional<Throttled> locked = lockedOut(key.get());
      if (locked.isPresent()) {
        return locked.get();
      }
    }
    Optional<Credentials> account = key.flatMap(lookup::find);
    // Oversized passwords never reach Argon2 with their full length, but still cost one
    // verification.
    boolean sane = password != null && password.length() <= AccountRules.PASSWORD_MAX;
    if (account.isEmpty() || !sane) {
      hasher.verifyAgainstDummy(sane ? password : "");
      key.ifPresent(this::failed);
      return new Refused();
    }
    Credentials credentials = account.get();
    if (!hasher.verify(password, credentials.passwordHash())) {
      failed(key.get());
      return new Refused();
    }
    return new Succeeded(credentials, hasher.needsRehash(credentials.passwordHash()));
  }

  /**
   * The per-account lock-out: throttled while the account's bucket of failed password checks is
   * empty ({@code rate-limits.login-per-account}, 10 per 15 min). Only failures spend it (see
   * {@link #failed}), so the owner's successful logins never lock the owner out, and the bucket
   * refills on its own: a stranger's guesses keep the account throttled only while they continue,
   * one attempt per refill interval, never for good.
   *
   * @param usernameKey {@link AccountRules#usernameKey} of the account's name
   */
  public Optional<Throttled> lockedOut(String usernameKey) {
    RateLimitDecision byAccount = limiter.check(RateLimitKind.LOGIN_ACCOUNT, usernameKey);
    return byAccount.allowed()
        ? Optional.empty()
        : Optional.of(new Throttled(RateLimitKind.LOGIN_ACCOUNT, byAccount));
  }

  /** Counts one failed password check against the account (login or password change). */
  public void failed(String usernameKey) {
    limiter.tryAcquire(RateLimitKind.LOGIN_ACCOUNT, usernameKey);
  }

  private static Optional<String> usernameKey(String username) {
    try {
      return Optional.of(AccountRules.usernameKey(username));
    } catch (InvalidAccountInputException e) {
      return Optional.empty();
    }
  }
}
