package org.bluemarble.node;

/**
 * Marker for every message, event and state that is persisted or sent between nodes: bound once to
 * Jackson CBOR in {@code bluemarble/serialization.conf}. Java serialization is off, so anything
 * without this marker fails loudly.
 */
public interface CborSerializable {}
