package org.bluemarble.edge.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bluemarble.auth.SessionLogins;
import org.bluemarble.auth.SessionStore;

/**
 * The game sessions (WebSocket and UDP connections past Authenticate, in the world or not) of this
 * node by the login session ({@code sid}) of their access token, so that ending a login session
 * ends its game sessions too: a logout ends those of its login, a password change those of the
 * account's other logins, a ban, an erasure or a role change all of the account's. This node's
 * revocations arrive at once ({@link SessionLogins.EndListener}); those made on other nodes are
 * found by {@link #recheck}, which the node runs every {@code
 * bluemarble.auth.game-session-recheck}.
 */
public final class LiveGameSessions implements SessionLogins.EndListener {
  private record Entry(String accountId, String sessionId, Consumer<String> end) {}

  private final Set<Entry> entries = ConcurrentHashMap.newKeySet();

  /** What each live game session does when this node stops (see {@link #nodeStopping}). */
  private final Set<Runnable> stopping = ConcurrentHashMap.newKeySet();

  /**
   * Registers a game session; {@code end} is called (at most a few times, from any thread) with a
   * reason when its login session ends. Returns the deregistration.
   */
  public Runnable register(String accountId, String sessionId, Consumer<String> end) {
    Entry entry = new Entry(accountId, sessionId, end);
    entries.add(entry);
    return () -> entries.remove(entry);
  }

  @Override
  public void sessionEnded(String sessionId) {
    endWhere(e -> e.sessionId().equals(sessionId), "the login session ended (logout)");
  }

  @Override
  public void accountEnded(String accountId, String keepSessionId) {
    endWhere(
        e -> e.accountId().equals(accountId) && !Objects.equals(e.sessionId(), keepSessionId),
        "the account's login sessions were ended");
  }

  /**
   * Ends the game sessions whose login session the store no longer holds (ended on another node);
   * blocking (one store lookup per game session): run on a blocking executor. Returns how many.
   */
  public int recheck(SessionStore store, Instant now) {
    int ended = 0;
    for (Entry e : entries) {
      boolean live =
          store
              .find(e.sessionId(), now)
              .map(s -> s.accountId().equals(e.accountId()))
              .orElse(false);
      if (!live && entries.remove(e)) {
        e.end().accept("the login session ended");
        ended++;
      }
    }
    return ended;
  }

  /**
   * Registers what a game session does when the node stops (tell its client and close, leaving the
   * character for the grace period); returns the deregistration.
   */
  public Runnable onNodeStopping(Runnable close) {
    // A wrapper per registration: the same session may register again after a re-authentication.
    Runnable entry = close::run;
    stopping.add(entry);
    return () -> stopping.remove(entry);
  }

  /**
   * The node is stopping: every registered game session tells its client (Disconnect
   * REASON_SERVER_SHUTDOWN) and closes, so clients connect again elsewhere at once instead of
   * waiting for a dead connection. Returns how many were told.
   */
  public int nodeStopping() {
    int told = 0;
    for (Runnable close : stopping) {
      if (stopping.remove(close)) {
        close.run();
        told++;
      }
    }
    return told;
  }

  /** Game sessions registered. */
  public int size() {
    return entries.size();
  }

  private void endWhere(java.util.function.Predicate<Entry> which, String reason) {
    for (Entry e : entries) {
      if (which.test(e) && entries.remove(e)) {
        e.end().accept(reason);
      }
    }
  }
}
