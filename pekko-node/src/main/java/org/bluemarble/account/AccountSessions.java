package org.bluemarble.account;

import java.util.concurrent.CompletionStage;

/**
 * Ends every login session of an account (the edge's session store), so that its access tokens are
 * refused at once rather than when they expire. Account administration calls it after a ban, an
 * erasure and a role revocation.
 */
@FunctionalInterface
public interface AccountSessions {

  /** Ends the sessions; completes with how many there were. */
  CompletionStage<Integer> endAll(String accountId);

  /** For nodes without sessions: ends nothing. */
  AccountSessions NONE = accountId -> java.util.concurrent.CompletableFuture.completedFuture(0);
}
