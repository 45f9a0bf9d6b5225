package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Kafka projection on a real broker (in-process KRaft) and a real PostgreSQL journal: a node is
 * stopped while it still publishes, a new one starts on the same journal, and an idempotent
 * consumer's state (persistence id and sequence number seen) ends equal to the journal.
 */
@Tag("slow")
class KafkaStreamTest {
  private static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void deliversEveryJournalEventAfterANodeIsStoppedMidStream() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, Object> overrides = new HashMap<>(db.configOverrides());
    overrides.put("bluemarble.persistence.slices", 2);
    overrides.put("bluemarble.stream.kafka.enabled", true);
    overrides.put("bluemarble.stream.kafka.bootstrap-servers", kafka.bootstrapServers());
    overrides.put("bluemarble.stream.kafka.topic-prefix", "t1.");
    Map<String, String> names = new HashMap<>();

    try (InProcessNode first = InProcessNode.start(Profile.LOCAL1, overrides)) {
      createPlayers(first.client(), "First", names);
      // Stopped right after the last write: the projection is still behind.
    }
    try (InProcessNode second = InProcessNode.start(Profile.LOCAL1, overrides)) {
      createPlayers(second.client(), "Second", names);

      Set<String> journal = journal(db, "Player|%");
      assertThat(journal).hasSizeGreaterThanOrEqualTo(20);
      IdempotentState state = new IdempotentState();
      try (KafkaConsumer<String, byte[]> consumer = kafka.consumer("it-" + System.nanoTime())) {
        consumer.subscribe(Pattern.compile("t1\\..*"));
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(10))
            .untilAsserted(
                () -> {
                  for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    state.apply(r.topic(), r.key(), EventEnvelope.parseFrom(r.value()));
                  }
                  assertThat(state.seen("Player|")).isEqualTo(journal);
                });
      }
      assertThat(state.topics).contains("t1.players", "t1.accounts");
      assertThat(state.keysMatchEntityIds).isTrue();
      for (var e : names.entrySet()) {
        assertThat(state.createdNames.get(e.getKey())).isEqualTo(e.getValue());
      }
    }
  }

  private static void createPlayers(AdminClient admin, String prefix, Map<String, String> names)
      throws Exception {
    for (int i = 0; i < 10; i++) {
      AdminClient.Response r = admin.createPlayer(prefix + " " + i, "Ranger");
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
      names.put(r.body().path("id").asText(), prefix + " " + i);
    }
  }

  /**
   * "persistence id#sequence nr" of every journal row whose persistence id is like {@code like}.
   */
  private static Set<String> journal(TestPostgres.Database db, String like) throws Exception {
    Set<String> rows = new HashSet<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT persistence_id, sequence_number FROM event_journal"
                    + " WHERE persistence_id LIKE '"
                    + like
                    + "'")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "#" + rs.getLong(2));
      }
    }
    return rows;
  }

  /** A consumer's state that a record delivered twice does not change. */
  private static final class IdempotentState {
    final Set<String> events = new HashSet<>();
    final Set<String> topics = new HashSet<>();
    final Map<String, String> createdNames = new HashMap<>();
    boolean keysMatchEntityIds = true;

    void apply(String topic, String key, EventEnvelope e) {
      topics.add(topic);
      keysMatchEntityIds &= key.equals(e.getEntityId());
      if (events.add(e.getPersistenceId() + "#" + e.getSequenceNr())
          && e.getPlayer().hasCreated()) {
        createdNames.put(e.getEntityId(), e.getPlayer().getCreated().getName());
      }
    }

    Set<String> seen(String persistenceIdPrefix) {
      Set<String> out = new HashSet<>();
      for (String s : events) {
        if (s.startsWith(persistenceIdPrefix)) {
          out.add(s);
        }
      }
      return out;
    }
  }
}
