package org.bluemarble.replay;

import java.util.List;

/**
 * One row of the event journal as stored: global {@code ordering}, persistence id, sequence number,
 * write time in epoch milliseconds, tags, and the serialized event (serializer id, manifest,
 * bytes).
 */
public record JournalRow(
    long ordering,
    String persistenceId,
    long sequenceNr,
    long writeTimestamp,
    List<String> tags,
    int serializerId,
    String manifest,
    byte[] payload) {}
