package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.zone.ZoneCell;
import org.junit.jupiter.api.Test;

/** The cell's settled loot reaches the stream as a combat event, not as an unknown event. */
class WorldEventMappingTest {
  @Test
  void aSettledLootDebtIsACombatEvent() {
    EventEnvelope.Builder into = EventEnvelope.newBuilder();
    new WorldEventMapping()
        .map(
            new ZoneCell.LootSettled("47a1c", "loot:2a:-7:1234", Instant.ofEpochMilli(1_234)),
            into);

    var settled = into.getCombat().getLootSettled();
    assertThat(settled.getCellId()).isEqualTo("47a1c");
    assertThat(settled.getLootKey()).isEqualTo("loot:2a:-7:1234");
    assertThat(settled.getAtMs()).isEqualTo(1_234);
  }
}
