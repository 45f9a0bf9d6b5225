package org.bluemarble.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.ChatPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One node's hub: degraded chat delays lines in a bounded queue and loses none (in order), a full
 * queue refuses with a retry, a muted player is refused until the mute ends, trade lines stay in
 * their region, and a joiner gets the channel history. (The hubs of one test system share the
 * topic; each test stops its hub.)
 */
class ChatHubTest {
  private static final ActorTestKit kit = ActorTestKit.create();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static ChatSettings settings(int queue) {
    return new ChatSettings(
        256, 10, 10, 30, 150, 4, 3, Duration.ofSeconds(1), List.of(), queue, 200);
  }

  private static ChatEntry line(String from, ChatLine.Channel channel, String scope, long seq) {
    return new ChatEntry(
        channel, scope, from, from, from + " " + seq, System.currentTimeMillis(), "", seq, false);
  }

  @Test
  void degradedChatDelaysEveryLineInOrderAndLosesNone() {
    ActorRef<ChatHub.Command> hub = kit.spawn(ChatHub.create(settings(100)));
    TestProbe<ChatInbox> alice = kit.createTestProbe();
    TestProbe<ChatInbox> bob = kit.createTestProbe();
    hub.tell(new ChatHub.Register("alice", "Alice", "r1", alice.ref()));
    hub.tell(new ChatHub.Register("bob", "Bob", "r1", bob.ref()));
    hub.tell(new ChatHub.Broadcast(new ChatHub.Degraded(true)));
    // The switch travels on the topic: wait until a line is answered as delayed.
    // Try every 200 ms (below the 10 lines/s limit) until it applies.
    awaitSwitch(hub, alice, "alice", p -> p instanceof ChatPush.Accepted a && a.delayed());
    bob.receiveSeveralMessages(0);
    List<Long> sent = new ArrayList<>();
    for (long seq = 1; seq <= 40; seq++) {
      hub.tell(
          new ChatHub.Send(
              line("alice", ChatLine.Channel.GENERAL, "", seq), seq, alice.ref(), null));
      sent.add(seq);
    }
    for (long seq = 1; seq <= 40; seq++) {
      ChatPush p = awaitAnswer(alice);
      assertThat(p)
          .isInstanceOfSatisfying(ChatPush.Accepted.class, a -> assertThat(a.delayed()).isTrue());
    }
    List<Long> got = new ArrayList<>();
    while (got.size() < 40) {
      ChatInbox m = bob.receiveMessage(WAIT);
      if (m instanceof ChatInbox.Deliver d && d.entry().sequence() > 0) {
        assertThat(d.entry().delayed()).isTrue();
        got.add(d.entry().sequence());
      }
    }
    assertThat(got).containsExactlyElementsOf(sent);
    hub.tell(new ChatHub.Broadcast(new ChatHub.Degraded(false)));
    kit.stop(hub);
  }

  @Test
  void fullDegradedQueueRefusesWithARetryAndNormalModeFlushesTheRest() {
    ActorRef<ChatHub.Command> hub = kit.spawn(ChatHub.create(settings(2)));
    TestProbe<ChatInbox> carol = kit.createTestProbe();
    hub.tell(new ChatHub.Register("carol", "Carol", "r1", carol.ref()));
    hub.tell(new ChatHub.Broadcast(new ChatHub.Degraded(true)));
    awaitSwitch(
        hub,
        carol,
        "carol",
        p -> p instanceof ChatPush.Accepted a && a.delayed() || p instanceof ChatPush.Refused);
    // Degraded now: at most 2 lines wait (one may already), the next one is refused.
    int refusals = 0;
    for (long seq = 1; seq <= 200 && refusals == 0; seq++) {
      hub.tell(
          new ChatHub.Send(
              line("carol", ChatLine.Channel.GENERAL, "", seq), seq, carol.ref(), null));
      ChatPush p = awaitAnswer(carol);
      if (p instanceof ChatPush.Refused r) {
        assertThat(r.reason()).isEqualTo(ChatPush.Reason.BUSY);
        assertThat(r.retryAfterMillis()).isPositive();
        refusals++;
      }
    }
    assertThat(refusals).isEqualTo(1);
    hub.tell(new ChatHub.Broadcast(new ChatHub.Degraded(false)));
    kit.stop(hub);
  }

  @Test
  void mutedPlayerIsRefusedUntilUnmuted() {
    ActorRef<ChatHub.Command> hub = kit.spawn(ChatHub.create(settings(100)));
    TestProbe<ChatInbox> dan = kit.createTestProbe();
    hub.tell(new ChatHub.Register("dan", "Dan", "r1", dan.ref()));
    hub.tell(
        new ChatHub.Broadcast(
            new ChatHub.Muted("dan", Instant.now().plus(Duration.ofMinutes(10)), "spam", "mod")));
    // The mute travels over the chat topic, whose subscription the receptionist spreads
    // asynchronously: try every 200 ms (below the 10 lines/s limit, so never RATE_LIMITED) until
    // it applies.
    ChatPush[] last = {null};
    long[] seq = {1};
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              hub.tell(
                  new ChatHub.Send(
                      line("dan", ChatLine.Channel.GENERAL, "", seq[0]++), 7, dan.ref(), null));
              last[0] = awaitAnswer(dan);
              return last[0] instanceof ChatPush.Refused;
            });
    assertThat(last[0])
        .isInstanceOfSatisfying(
            ChatPush.Refused.class, r -> assertThat(r.reason()).isEqualTo(ChatPush.Reason.MUTED));
    hub.tell(new ChatHub.Broadcast(new ChatHub.Muted("dan", null, "", "mod")));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              hub.tell(
                  new ChatHub.Send(
                      line("dan", ChatLine.Channel.GENERAL, "", seq[0]++), 8, dan.ref(), null));
              last[0] = awaitAnswer(dan);
              return last[0] instanceof ChatPush.Accepted;
            });
    kit.stop(hub);
  }

  @Test
  void tradeStaysInItsRegionAndJoinersGetTheHistory() {
    ActorRef<ChatHub.Command> hub = kit.spawn(ChatHub.create(settings(100)));
    TestProbe<ChatInbox> erin = kit.createTestProbe();
    TestProbe<ChatInbox> far = kit.createTestProbe();
    hub.tell(new ChatHub.Register("erin", "Erin", "r1", erin.ref()));
    hub.tell(new ChatHub.Register("far", "Far", "r2", far.ref()));
    for (long seq = 1; seq <= 5; seq++) {
      hub.tell(
          new ChatHub.Send(line("erin", ChatLine.Channel.TRADE, "r1", seq), seq, erin.ref(), null));
    }
    List<Long> heard = new ArrayList<>();
    while (heard.size() < 5) {
      if (erin.receiveMessage(WAIT) instanceof ChatInbox.Deliver d) {
        heard.add(d.entry().sequence());
      }
    }
    assertThat(heard).containsExactly(1L, 2L, 3L, 4L, 5L);
    far.expectNoMessage(Duration.ofMillis(200));
    // A joiner in r1 gets the last 3 (history-size) trade lines of its region, marked delayed.
    TestProbe<ChatInbox> late = kit.createTestProbe();
    hub.tell(new ChatHub.Register("late", "Late", "r1", late.ref()));
    List<Long> replayed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ChatInbox.Deliver d = (ChatInbox.Deliver) late.receiveMessage(WAIT);
      assertThat(d.entry().delayed()).isTrue();
      replayed.add(d.entry().sequence());
    }
    assertThat(replayed).containsExactly(3L, 4L, 5L);
    kit.stop(hub);
  }

  @Test
  void partyMembersHearTheirMatesPositionsButNotTheirOwnNorOtherParties() {
    ActorRef<ChatHub.Command> hub = kit.spawn(ChatHub.create(settings(100)));
    TestProbe<ChatInbox> gil = kit.createTestProbe();
    TestProbe<ChatInbox> hal = kit.createTestProbe();
    TestProbe<ChatInbox> ivo = kit.createTestProbe();
    hub.tell(
        new ChatHub.Register(
            "gil", "Gil", "r1", gil.ref(), () -> new PartyPositions.Where(1, 2, 3, 40, 50)));
    hub.tell(
        new ChatHub.Register(
            "hal", "Hal", "r1", hal.ref(), () -> new PartyPositions.Where(4, 5, 6, 0, 0)));
    hub.tell(
        new ChatHub.Register(
            "ivo", "Ivo", "r1", ivo.ref(), () -> new PartyPositions.Where(7, 8, 9, 0, 0)));
    hub.tell(new ChatHub.Scopes("gil", "", "party-1"));
    hub.tell(new ChatHub.Scopes("hal", "", "party-1"));
    hub.tell(new ChatHub.Scopes("ivo", "", "party-2"));
    ChatInbox.Mates toHal = (ChatInbox.Mates) hal.receiveMessage(WAIT);
    assertThat(toHal.update().partyId()).isEqualTo("party-1");
    assertThat(toHal.update().mates())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.playerId()).isEqualTo("gil");
              assertThat(m.name()).isEqualTo("Gil");
              assertThat(m.latitudeDeg()).isEqualTo(1);
              assertThat(m.longitudeDeg()).isEqualTo(2);
              assertThat(m.health()).isEqualTo(40);
              assertThat(m.maxHealth()).isEqualTo(50);
            });
    ChatInbox.Mates toGil = (ChatInbox.Mates) gil.receiveMessage(WAIT);
    assertThat(toGil.update().mates()).extracting(m -> m.playerId()).containsExactly("hal");
    // Ivo's party has no other member: nothing for Ivo.
    ivo.expectNoMessage(Duration.ofMillis(1500));
    kit.stop(hub);
  }

  /**
   * Sends a line (sequence 0) every 200 ms until its answer satisfies {@code applied}: a switch
   * broadcast over the chat topic reaches the hub asynchronously.
   */
  private static void awaitSwitch(
      ActorRef<ChatHub.Command> hub,
      TestProbe<ChatInbox> who,
      String from,
      java.util.function.Predicate<ChatPush> applied) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              hub.tell(
                  new ChatHub.Send(
                      line(from, ChatLine.Channel.GENERAL, "", 0), 100, who.ref(), null));
              return applied.test(awaitAnswer(who));
            });
  }

  private static ChatPush awaitAnswer(TestProbe<ChatInbox> probe) {
    while (true) {
      if (probe.receiveMessage(WAIT) instanceof ChatInbox.Answer a) {
        return a.push();
      }
    }
  }
}
