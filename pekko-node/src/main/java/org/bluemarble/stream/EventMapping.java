package org.bluemarble.stream;

import java.util.List;
import org.bluemarble.protocol.events.v1.EventEnvelope;

/**
 * How one domain's journal events become protobuf: a new domain (combat, chat) adds one
 * implementation and registers it in {@link StreamEvents#MAPPINGS}. {@code StreamEventsTest} fails
 * for any event class of the journal that no mapping accepts.
 */
public interface EventMapping {
  /** The domain (and so the topic) of every event this mapping accepts. */
  Domain domain();

  /** The event types accepted: entities' sealed {@code Event} interfaces or event classes. */
  List<Class<?>> eventTypes();

  /**
   * Sets {@code into}'s event oneof from {@code event}, one of {@link #eventTypes()}.
   *
   * @throws IllegalArgumentException for an event this mapping does not know
   */
  void map(Object event, EventEnvelope.Builder into);

  /** Whether {@code event} is one of {@link #eventTypes()}. */
  default boolean accepts(Object event) {
    for (Class<?> type : eventTypes()) {
      if (type.isInstance(event)) {
        return true;
      }
    }
    return false;
  }
}
