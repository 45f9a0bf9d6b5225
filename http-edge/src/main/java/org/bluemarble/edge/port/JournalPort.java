package org.bluemarble.edge.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The event journals for designers (the same reads as {@code bluemarble-node replay}): entities, an
 * entity's events, its state at a point and what changed between two points. Answers are JSON
 * documents (shapes in the OpenAPI fragment {@code admin-journal.json}); refusals fail with a
 * {@link PortException} (INVALID_INPUT, NOT_FOUND, UNAVAILABLE).
 */
public interface JournalPort {

  /** {@code {"entities": [...]}}, of {@code entityType} only when it is not null. */
  CompletionStage<JsonNode> entities(String entityType);

  /** {@code {"events": [...]}}: the events of {@code persistenceId} in [from, to]. */
  CompletionStage<JsonNode> events(String persistenceId, long from, long to);

  /**
   * The state after event {@code atSequenceNr} or after the last event at or before {@code atTime}
   * (both null: the last event).
   */
  CompletionStage<JsonNode> state(String persistenceId, Long atSequenceNr, Instant atTime);

  /** What changed between the state after event {@code from} (0: empty) and after {@code to}. */
  CompletionStage<JsonNode> diff(String persistenceId, long from, long to);

  /** A journal port whose every call fails with UNAVAILABLE (games without a journal). */
  JournalPort UNAVAILABLE =
      new JournalPort() {
        private <T> CompletionStage<T> none() {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.UNAVAILABLE, "no journal on this node"));
        }

        @Override
        public CompletionStage<JsonNode> entities(String entityType) {
          return none();
        }

        @Override
        public CompletionStage<JsonNode> events(String persistenceId, long from, long to) {
          return none();
        }

        @Override
        public CompletionStage<JsonNode> state(
            String persistenceId, Long atSequenceNr, Instant atTime) {
          return none();
        }

        @Override
        public CompletionStage<JsonNode> diff(String persistenceId, long from, long to) {
          return none();
        }
      };
}
