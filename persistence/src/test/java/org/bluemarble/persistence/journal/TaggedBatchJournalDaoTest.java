package org.bluemarble.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.stream.javadsl.Sink;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.JournalSchema;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batching journal DAO on a real PostgreSQL: many entities persisting tagged events at once (so
 * the journal batches them), read back by tag, by persistence id and by recovery.
 */
class TaggedBatchJournalDaoTest {
  private static final int ENTITIES = 24;
  private static final int EVENTS_EACH = 40;
  private static ActorSystem<Void> system;
  private static JdbcReadJournal journal;

  @BeforeAll
  static void start() {
    TestPostgres.Database db = TestPostgres.newDatabase();
    PersistenceSettings settings = db.settings();
    try (HikariDataSource ds = Databases.pool(settings, "schema", 2)) {
      JournalSchema.migrate(settings, ds);
    }
    Map<String, Object> overrides = new HashMap<>(db.configOverrides());
    overrides.put("pekko.actor.provider", "local");
    // The node's persistence wiring without the rest of its configuration (whose serialization
    // bindings name pekko-node classes).
    Config config =
        ConfigFactory.parseMap(overrides)
            .withFallback(ConfigFactory.parseResources("bluemarble/postgres.conf"))
            .withFallback(ConfigFactory.parseResources("bluemarble/persistence.conf"))
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    system = ActorSystem.create(Behaviors.empty(), "TaggedBatchJournalDaoTest", config);
    journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void thePostgresProfileUsesTheBatchingDao() {
    assertThat(system.settings().config().getString("jdbc-journal.dao"))
        .isEqualTo(TaggedBatchJournalDao.class.getName());
  }

  @Test
  void concurrentTaggedWritesAreAllReadableByTagByIdAndOnRecovery() throws Exception {
    List<ActorRef<Add>> entities = new ArrayList<>();
    for (int i = 0; i < ENTITIES; i++) {
      entities.add(system.systemActorOf(counter("c" + i), "counter-" + i, props()));
    }
    // Every command is sent before any answer is awaited, so writes of many entities meet in the
    // journal's batches.
    List<CompletableFuture<Integer>> acks = new ArrayList<>();
    for (int n = 1; n <= EVENTS_EACH; n++) {
      for (ActorRef<Add> entity : entities) {
        int value = n;
        acks.add(
            AskPattern.<Add, Integer>ask(
                    entity,
                    replyTo -> new Add(value, replyTo),
                    Duration.ofSeconds(30),
                    system.scheduler())
                .toCompletableFuture());
      }
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    // The journal gathered several events into one multi-row statement.
    assertThat(TaggedBatchJournalDao.LARGEST_STATEMENT.get()).isGreaterThan(1);
    List<EventEnvelope> all = byTag("all");
    assertThat(all).hasSize(ENTITIES * EVENTS_EACH);
    long previous = -1;
    for (EventEnvelope e : all) {
      long ordering = ((Sequence) e.offset()).value();
      assertThat(ordering).isGreaterThan(previous);
      previous = ordering;
    }
    List<EventEnvelope> odd = byTag("odd");
    assertThat(odd).hasSize(ENTITIES / 2 * EVENTS_EACH);
    assertThat(odd)
        .allMatch(
            e -> Integer.parseInt(e.persistenceId().substring("counter|c".length())) % 2 == 1);

    List<EventEnvelope> c3 =
        journal
            .currentEventsByPersistenceId("counter|c3", 0, Long.MAX_VALUE)
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(c3).extracting(EventEnvelope::sequenceNr).containsExactlyElementsOf(range());
    assertThat(c3).extracting(e -> (String) e.event()).containsExactlyElementsOf(values());

    // Recovery reads the same events back: the sum 1 + 2 + ... + 40.
    ActorRef<Add> again = system.systemActorOf(counter("c3"), "counter-3-third", props());
    int total =
        AskPattern.<Add, Integer>ask(
                again, r -> new Add(0, r), Duration.ofSeconds(30), system.scheduler())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(total).isEqualTo(EVENTS_EACH * (EVENTS_EACH + 1) / 2);
  }

  private static List<EventEnvelope> byTag(String tag) throws Exception {
    return journal
        .currentEventsByTag(tag, Offset.noOffset())
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static List<Long> range() {
    List<Long> r = new ArrayList<>();
    for (long i = 1; i <= EVENTS_EACH; i++) {
      r.add(i);
    }
    return r;
  }

  private static List<String> values() {
    List<String> r = new ArrayList<>();
    for (int i = 1; i <= EVENTS_EACH; i++) {
      r.add(Integer.toString(i));
    }
    return r;
  }

  private static org.apache.pekko.actor.typed.Props props() {
    return org.apache.pekko.actor.typed.Props.empty();
  }

  /** Adds {@code value} (persisted as its decimal string) and answers the running total. */
  record Add(int value, ActorRef<Integer> replyTo) {}

  private static Behavior<Add> counter(String id) {
    return new Counter(id);
  }

  /** A running total whose events are tagged "all" and "odd"/"even" by entity number. */
  private static final class Counter extends EventSourcedBehavior<Add, String, Integer> {
    private final Set<String> tags;

    Counter(String id) {
      super(PersistenceId.of("counter", id));
      int n = Integer.parseInt(id.substring(1));
      this.tags = Set.of("all", n % 2 == 1 ? "odd" : "even");
    }

    @Override
    public Integer emptyState() {
      return 0;
    }

    @Override
    public Set<String> tagsFor(String event) {
      return tags;
    }

    @Override
    public CommandHandler<Add, String, Integer> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(
              c -> c.value() == 0, (state, c) -> Effect().none().thenRun(s -> c.replyTo().tell(s)))
          .onCommand(
              Add.class,
              (state, c) ->
                  Effect().persist(Integer.toString(c.value())).thenRun(s -> c.replyTo().tell(s)))
          .build();
    }

    @Override
    public EventHandler<Integer, String> eventHandler() {
      return newEventHandlerBuilder()
          .forAnyState()
          .onAnyEvent((state, e) -> state + Integer.parseInt(e));
    }
  }
}
