package org.bluemarble.replay;

/**
 * How replay rebuilds one entity type's state from its journal: the state a new entity starts from,
 * the entity's own event handler, and a view of the state that can be written as JSON and hashed.
 * Implementations live next to their entity (they call its package-private state methods) so that
 * replay folds exactly what the live entity folds.
 *
 * @param <S> the entity's state type
 */
public interface EntityFold<S> {
  /** The entity type as in the persistence id, e.g. {@code Player}. */
  String entityType();

  /** The state of a new entity with this id (the entity's {@code emptyState()}). */
  S initial(String entityId);

  /**
   * The state after {@code event}; the entity's event handler. Mutable states may be changed in
   * place and returned.
   */
  S apply(S state, Object event);

  /**
   * An immutable, JSON-writable picture of {@code state} (for mutable states the snapshot the
   * entity stores; secrets such as password hashes left out).
   */
  Object view(S state);

  /**
   * The view of a snapshot from the snapshot store (what the live entity stored), so that replay
   * can compare its fold with it; null when the stored object is not this type's snapshot.
   */
  Object snapshotView(Object stored);

  /**
   * The same fold under changed rules ({@code key=value}, e.g. {@code
   * transaction-fee-basis-points=1000}) for what-if replays: the commands behind the events are
   * re-run where the events record them. Throws {@link ReplayException} (bad request) for unknown
   * keys or values, and for types whose events record outcomes only (the default).
   */
  default EntityFold<?> withRules(java.util.Map<String, String> rules) {
    throw ReplayException.badRequest(
        "what-if needs rules to change, and "
            + entityType()
            + " events record outcomes only (what-if works on Market: listing-fee-basis-points,"
            + " transaction-fee-basis-points)");
  }

  /** Applies {@code event} to a state of unknown static type (for registries). */
  @SuppressWarnings("unchecked")
  default Object applyAny(Object state, Object event) {
    return apply((S) state, event);
  }

  /** The view of a state of unknown static type. */
  @SuppressWarnings("unchecked")
  default Object viewAny(Object state) {
    return view((S) state);
  }
}
