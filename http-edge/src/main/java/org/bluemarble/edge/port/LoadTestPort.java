package org.bluemarble.edge.port;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Ready-to-play accounts for load tests, created in batches: production code behind a flag ({@code
 * bluemarble.admin.load-test-accounts}), off unless an operator switches it on. {@link #OFF} where
 * the node offers none.
 */
public interface LoadTestPort {

  /** A place for a load-test character: latitude and longitude in degrees. */
  record Place(double latitude, double longitude) {}

  /**
   * A batch of load-test accounts: names {@code prefix + index} (index from 0), all sharing one
   * password hash, each with one character of {@code characterClass} placed at its place (null: the
   * world spawn).
   */
  record Batch(
      String prefix,
      int count,
      String characterClass,
      List<Place> positions,
      String passwordHash) {}

  /** One created load-test account. */
  record Created(String username, String accountId, String playerId) {}

  /** Whether {@link #create} is switched on. */
  boolean enabled();

  /**
   * Creates the batch; names already taken are an error for the whole batch (CONFLICT after the
   * accounts before it were created), a bad field is INVALID_INPUT naming it.
   */
  CompletionStage<List<Created>> create(Batch batch);

  /** Switched off: {@link #create} is never called. */
  LoadTestPort OFF =
      new LoadTestPort() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public CompletionStage<List<Created>> create(Batch batch) {
          throw new PortException(PortException.Code.UNAVAILABLE, "load-test accounts are off");
        }
      };
}
