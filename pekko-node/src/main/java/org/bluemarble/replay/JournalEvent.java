package org.bluemarble.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One journal event as replay shows it: where it belongs, when it was written, its tags, the
 * event's class and the event as JSON; {@code error} says why it could not be read (then {@code
 * event} is null).
 */
public record JournalEvent(
    String persistenceId,
    String entityType,
    String entityId,
    long sequenceNr,
    long ordering,
    Instant timestamp,
    List<String> tags,
    String eventClass,
    JsonNode event,
    String error) {

  /** The entity type of a persistence id {@code <type>|<id>} (the whole id when it has no bar). */
  public static String typeOf(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(0, bar);
  }

  /** The entity id of a persistence id {@code <type>|<id>} (empty when it has no bar). */
  public static String idOf(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? "" : persistenceId.substring(bar + 1);
  }
}
