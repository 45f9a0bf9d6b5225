package org.bluemarble.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.bluemarble.edge.port.ChatLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A guild's or party's chat history keeps its last {@code size} lines across a restart and replays
 * only those younger than the retention.
 */
class GroupHistoryTest {
  private static final ActorTestKit kit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static ChatEntry line(int n, long at) {
    return new ChatEntry(
        ChatLine.Channel.GUILD, "ORBIT", "p-" + n, "P" + n, "line " + n, at, "", n, false);
  }

  @Test
  void keepsTheLastLinesAcrossARestartAndReplaysOnlyThoseWithinTheRetention() {
    var h =
        EventSourcedBehaviorTestKit
            .<GroupHistory.Command, GroupHistory.Event, GroupHistory.State>create(
                kit.system(),
                GroupHistory.create("GUILD-ORBIT", "GroupHistory-0", 3, Duration.ofHours(1)));
    long now = System.currentTimeMillis();
    long old = now - Duration.ofHours(2).toMillis();
    h.<Boolean>runCommand(r -> new GroupHistory.Append(line(1, now), r));
    h.<Boolean>runCommand(r -> new GroupHistory.Append(line(2, old), r));
    for (int n = 3; n <= 5; n++) {
      int k = n;
      h.<Boolean>runCommand(r -> new GroupHistory.Append(line(k, now), r));
    }
    assertThat(h.getState().lines())
        .extracting(ChatEntry::text)
        .containsExactly("line 3", "line 4", "line 5");
    h.restart();
    assertThat(h.getState().lines()).hasSize(3);
    h.<Boolean>runCommand(r -> new GroupHistory.Append(line(6, old), r));
    GroupHistory.Lines recent = h.<GroupHistory.Lines>runCommand(GroupHistory.Recent::new).reply();
    assertThat(recent.lines()).extracting(ChatEntry::text).containsExactly("line 4", "line 5");
  }

  @Test
  void everyLineStaysInTheJournalForTheEventStreamWhileTheStateStaysBounded() {
    var h =
        EventSourcedBehaviorTestKit
            .<GroupHistory.Command, GroupHistory.Event, GroupHistory.State>create(
                kit.system(),
                GroupHistory.create("PARTY-stream", "GroupHistory-0", 3, Duration.ofHours(1)));
    long now = System.currentTimeMillis();
    for (int n = 1; n <= 10; n++) { // three snapshots' worth
      int k = n;
      h.<Boolean>runCommand(r -> new GroupHistory.Append(line(k, now), r));
    }
    List<Object> journal =
        PersistenceTestKit.create(kit.system()).persistedInStorage("GroupHistory|PARTY-stream");
    assertThat(journal)
        .extracting(e -> ((GroupHistory.LineKept) e).entry().text())
        .containsExactly(
            "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8",
            "line 9", "line 10");
    h.restart();
    assertThat(h.getState().lines())
        .extracting(ChatEntry::text)
        .containsExactly("line 8", "line 9", "line 10");
  }

  @Test
  void withAJournalKeepTheJournalDropsOnlyLinesOlderThanTheNewestKeptOnesOnceSnapshotted() {
    // size 3, journal-keep 6: a snapshot every 3 lines; the journal keeps 6 to 9 lines.
    var h =
        EventSourcedBehaviorTestKit
            .<GroupHistory.Command, GroupHistory.Event, GroupHistory.State>create(
                kit.system(),
                GroupHistory.create("GUILD-KEEP", "GroupHistory-0", 3, Duration.ofHours(1), 6));
    long now = System.currentTimeMillis();
    for (int n = 1; n <= 20; n++) {
      int k = n;
      h.<Boolean>runCommand(r -> new GroupHistory.Append(line(k, now), r));
    }
    PersistenceTestKit journal = PersistenceTestKit.create(kit.system());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<String> kept =
                  journal.persistedInStorage("GroupHistory|GUILD-KEEP").stream()
                      .map(e -> ((GroupHistory.LineKept) e).entry().text())
                      .toList();
              assertThat(kept).hasSizeBetween(6, 9).doesNotContain("line 1", "line 11");
              assertThat(kept.subList(kept.size() - 6, kept.size()))
                  .containsExactly(
                      "line 15", "line 16", "line 17", "line 18", "line 19", "line 20");
            });
    // The state, and so what members are replayed, is whole after a restart.
    h.restart();
    assertThat(h.getState().lines())
        .extracting(ChatEntry::text)
        .containsExactly("line 18", "line 19", "line 20");
    GroupHistory.Lines recent = h.<GroupHistory.Lines>runCommand(GroupHistory.Recent::new).reply();
    assertThat(recent.lines()).hasSize(3);
  }

  @Test
  void withTheStreamOnRetentionDeletesOnlyLinesTheStreamHasPublished() {
    // size 3, journal-keep 6: a snapshot every 3 lines; lines go only once the stream published
    // them (GroupHistory.Streamed, sent by the Kafka handler after the broker's ack).
    var h =
        EventSourcedBehaviorTestKit
            .<GroupHistory.Command, GroupHistory.Event, GroupHistory.State>create(
                kit.system(),
                GroupHistory.create(
                    "GUILD-GUARD", "GroupHistory-0", 3, Duration.ofHours(1), 6, true));
    long now = System.currentTimeMillis();
    for (int n = 1; n <= 20; n++) {
      int k = n;
      h.<Boolean>runCommand(r -> new GroupHistory.Append(line(k, now), r));
    }
    PersistenceTestKit journal = PersistenceTestKit.create(kit.system());
    // The stream is at line 10: without the guard the retention would delete up to line 12
    // (snapshot at 18, two snapshot intervals kept), with it only up to line 10.
    h.runCommand(new GroupHistory.Streamed(10));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(kept(journal, "GroupHistory|GUILD-GUARD"))
                    .hasSize(10)
                    .first()
                    .isEqualTo("line 11"));
    // The stream caught up: now the newest journal-keep (6) lines stay.
    h.runCommand(new GroupHistory.Streamed(20));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(kept(journal, "GroupHistory|GUILD-GUARD"))
                    .containsExactly(
                        "line 15", "line 16", "line 17", "line 18", "line 19", "line 20"));
    h.restart();
    assertThat(h.getState().lines())
        .extracting(ChatEntry::text)
        .containsExactly("line 18", "line 19", "line 20");
  }

  @Test
  void theDeletionBoundKeepsTheNewestLinesTheSnapshotsTailAndWhatTheStreamHasNotPublished() {
    assertThat(GroupHistory.deletableUpTo(20, 18, 10, 6, true)).isEqualTo(10);
    assertThat(GroupHistory.deletableUpTo(20, 18, 10, 6, false)).isEqualTo(14);
    assertThat(GroupHistory.deletableUpTo(20, 12, 20, 6, true)).isEqualTo(12);
    assertThat(GroupHistory.deletableUpTo(5, 3, 5, 6, true)).isZero();
  }

  private static List<String> kept(PersistenceTestKit journal, String pid) {
    return journal.persistedInStorage(pid).stream()
        .map(e -> ((GroupHistory.LineKept) e).entry().text())
        .toList();
  }
}
