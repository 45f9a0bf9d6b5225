package org.bluemarble.stream;

import java.util.Locale;

/**
 * The domains of the event stream: each has one Kafka topic (its lower-case name, behind a
 * configurable prefix) and one message in {@code EventEnvelope.event}.
 */
public enum Domain {
  ACCOUNTS,
  PLAYERS,
  WORLD,
  COMBAT,
  ECONOMY,
  CHAT,
  AUDIT;

  /** The topic name without prefix, e.g. {@code economy}. */
  public String topic() {
    return name().toLowerCase(Locale.ROOT);
  }
}
