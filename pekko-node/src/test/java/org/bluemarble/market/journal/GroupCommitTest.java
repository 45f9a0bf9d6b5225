package org.bluemarble.market.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.bluemarble.node.CborSerializable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The group commit helper: one flush message on its way however many commands wake it, and a
 * flush's events written in one journal write with the answers sent after it, on the new state. The
 * entity here is a running total whose flushes the test triggers itself, so which commands share a
 * write is fixed by the test, not by timing.
 */
class GroupCommitTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "GroupCommitTest",
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  private static final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void manyWakesSendOneFlushUntilTheFlushBegins() {
    AtomicInteger sent = new AtomicInteger();
    GroupCommit commit = new GroupCommit(sent::incrementAndGet);

    commit.wake(false);
    assertThat(sent).hasValue(0);
    commit.wake(true);
    commit.wake(true);
    commit.wake(true);
    assertThat(sent).hasValue(1);
    assertThat(commit.scheduled()).isTrue();

    commit.flushing();
    assertThat(commit.scheduled()).isFalse();
    commit.wake(false);
    assertThat(sent).hasValue(1);
    commit.wake(true);
    assertThat(sent).hasValue(2);
  }

  @Test
  void gatheredCommandsShareOneWriteAndAreAnsweredOnTheStateAfterIt() {
    AtomicInteger flushesAsked = new AtomicInteger();
    ActorRef<Command> total = testKit.spawn(Total.create("shared", flushesAsked::incrementAndGet));
    TestProbe<Long> replies = testKit.createTestProbe();

    total.tell(new Add(1, replies.ref()));
    total.tell(new Add(2, replies.ref()));
    total.tell(new Add(3, replies.ref()));
    total.tell(new Flush(replies.ref()));

    // The three adds and the flush are answered with the total after the one write.
    for (int i = 0; i < 4; i++) {
      assertThat(replies.receiveMessage(WAIT)).isEqualTo(6L);
    }
    assertThat(journal.persistedInStorage("Total|shared"))
        .containsExactly(new Added("shared", List.of(1L, 2L, 3L)));
    assertThat(flushesAsked).hasValue(1);
  }

  @Test
  void aFlushWithNothingGatheredWritesNothingAndAnswersAtOnce() {
    ActorRef<Command> total = testKit.spawn(Total.create("empty", () -> {}));
    TestProbe<Long> replies = testKit.createTestProbe();

    total.tell(new Add(5, replies.ref()));
    total.tell(new Flush(replies.ref()));
    replies.receiveMessage(WAIT);
    replies.receiveMessage(WAIT);
    total.tell(new Flush(replies.ref()));

    assertThat(replies.receiveMessage(WAIT)).isEqualTo(5L);
    assertThat(journal.persistedInStorage("Total|empty")).hasSize(1);
  }

  sealed interface Command {}

  record Add(long amount, ActorRef<Long> replyTo) implements Command {}

  /** Persists what was gathered; {@code replyTo} gets the total after the write. */
  record Flush(ActorRef<Long> replyTo) implements Command {}

  /** The amounts of one flush, in arrival order. */
  public record Added(String id, List<Long> amounts) implements CborSerializable {}

  /** A running total that gathers its adds and writes them when told to flush. */
  static final class Total extends EventSourcedBehaviorWithEnforcedReplies<Command, Added, Long> {
    private final String id;
    private final GroupCommit commit;
    private final List<Add> waiting = new ArrayList<>();

    private Total(String id, Runnable askFlush) {
      super(PersistenceId.of("Total", id));
      this.id = id;
      this.commit = new GroupCommit(askFlush);
    }

    static Behavior<Command> create(String id, Runnable askFlush) {
      return new Total(id, askFlush);
    }

    @Override
    public Long emptyState() {
      return 0L;
    }

    @Override
    public CommandHandlerWithReply<Command, Added, Long> commandHandler() {
      return newCommandHandlerWithReplyBuilder()
          .forAnyState()
          .onCommand(Add.class, this::onAdd)
          .onCommand(Flush.class, this::onFlush)
          .build();
    }

    private ReplyEffect<Added, Long> onAdd(Long state, Add cmd) {
      waiting.add(cmd);
      commit.wake(true);
      return Effect().noReply();
    }

    private ReplyEffect<Added, Long> onFlush(Long state, Flush cmd) {
      commit.flushing();
      List<Add> adds = List.copyOf(waiting);
      waiting.clear();
      List<Added> events =
          adds.isEmpty()
              ? List.of()
              : List.of(new Added(id, adds.stream().map(Add::amount).toList()));
      return GroupCommit.persistThen(
          Effect(),
          state,
          events,
          s -> {
            adds.forEach(a -> a.replyTo().tell(s));
            cmd.replyTo().tell(s);
          });
    }

    @Override
    public EventHandler<Long, Added> eventHandler() {
      return newEventHandlerBuilder()
          .forAnyState()
          .onEvent(Added.class, (s, e) -> s + e.amounts().stream().mapToLong(Long::longValue).sum())
          .build();
    }
  }
}
