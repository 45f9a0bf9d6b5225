package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluemarble.spatial.GeoPosition;
import org.junit.jupiter.api.Test;

class ResourceFieldTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ResourceSpawn herbs =
      new ResourceSpawn(-5L, ResourceKind.HERBS, GeoPosition.of(1, 1));

  private static void applyAll(ResourceField field, List<ZoneFact> facts) {
    facts.forEach(field::apply);
  }

  @Test
  void harvestingEmptyDepletesAndRespawnsAfterTheKindsDelay() {
    ResourceField field = new ResourceField(List.of(herbs));

    List<ZoneFact> first = field.harvest(-5L, 9L, 4, T0);
    assertThat(first).containsExactly(new ZoneFact.ResourceHarvested(-5L, 9L, 4, 6, T0));
    applyAll(field, first);

    List<ZoneFact> second = field.harvest(-5L, 9L, 100, T0.plusSeconds(1));
    Instant respawn = T0.plusSeconds(1).plus(ResourceKind.HERBS.respawnAfter());
    assertThat(second)
        .containsExactly(
            new ZoneFact.ResourceHarvested(-5L, 9L, 6, 0, T0.plusSeconds(1)),
            new ZoneFact.ResourceDepleted(-5L, T0.plusSeconds(1), respawn));
    applyAll(field, second);

    assertThat(field.harvest(-5L, 9L, 1, T0.plusSeconds(2))).isEmpty();
    assertThat(field.dueRespawns(respawn.minus(Duration.ofMillis(1)))).isEmpty();
    List<ZoneFact> due = field.dueRespawns(respawn);
    assertThat(due).containsExactly(new ZoneFact.ResourceRespawned(-5L, respawn));
    applyAll(field, due);

    assertThat(field.view(-5L).remaining()).isEqualTo(ResourceKind.HERBS.capacity());
    assertThat(field.view(-5L).available()).isTrue();
  }

  @Test
  void replayingTheFactsRebuildsTheSameState() {
    ResourceField live = new ResourceField(List.of(herbs));
    List<ZoneFact> facts = live.harvest(-5L, 9L, 10, T0);
    applyAll(live, facts);

    ResourceField replayed = new ResourceField(List.of(herbs));
    applyAll(replayed, facts);

    assertThat(replayed.views()).isEqualTo(live.views());
  }

  @Test
  void rejectsNonPositiveAmounts() {
    ResourceField field = new ResourceField(List.of(herbs));

    assertThatThrownBy(() -> field.harvest(-5L, 9L, 0, T0)).hasMessageContaining("amount = 0");
  }
}
