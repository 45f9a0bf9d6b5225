package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.TraceScope;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatSend;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.SocialRequest;
import org.bluemarble.protocol.v1.SocialVerb;
import org.bluemarble.protocol.v1.UseAbility;
import org.junit.jupiter.api.Test;

/**
 * Every session has a trace: a WebSocket one its upgrade's, a UDP one its own from the connection's
 * start. The chat, combat and social port calls run under it ({@link TraceScope}), so the world's
 * entities log it.
 */
class GameSessionTraceTest {
  private static final String UPGRADE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** The trace each port call of the presence ran under, by call. */
  private final List<String> traces = new CopyOnWriteArrayList<>();

  private final Presence presence =
      new Presence() {
        @Override
        public Entered entered() {
          return new Entered(
              7L, new PlayPosition(47.0, 8.0, 2036.0), 0.0, 0L, 20, 20, 6_371_000.0, 6.0, false);
        }

        @Override
        public void input(long sequence, PlayIntent intent, long clientTimeMillis) {}

        @Override
        public void detach() {}

        @Override
        public void leave() {}

        @Override
        public void chat(long correlationId, ChatLine line) {
          traces.add("chat " + TraceScope.current());
        }

        @Override
        public void useAbility(long correlationId, String abilityId, long targetId) {
          traces.add("ability " + TraceScope.current());
        }

        @Override
        public void social(long correlationId, SocialAction action) {
          traces.add("social " + TraceScope.current());
        }
      };

  private final PlayPort play = new SessionTestKit.PortOfP1(presence);

  @Test
  void aUdpSessionsCommandsCarryOneTraceOfItsOwn() {
    playOneOfEach(session("p1"));
    List<String> first = List.copyOf(traces);
    traces.clear();
    playOneOfEach(session("p1"));

    String trace = first.get(0).substring("chat ".length());
    assertThat(trace).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(first).containsExactly("chat " + trace, "ability " + trace, "social " + trace);
    // Another connection: another trace.
    assertThat(traces).hasSize(3).noneMatch(t -> t.endsWith(trace));
  }

  @Test
  void aWebSocketSessionsCommandsCarryItsUpgradesTrace() {
    playOneOfEach(session(null).traced(UPGRADE_TRACE));

    assertThat(traces)
        .containsExactly(
            "chat " + UPGRADE_TRACE, "ability " + UPGRADE_TRACE, "social " + UPGRADE_TRACE);
  }

  private GameSession session(String udpPlayer) {
    SessionOutput out = SessionTestKit.recordingInto(new java.util.ArrayList<>());
    SessionDeps deps = new SessionDeps(token -> "acc-1", play, null, "test", 1_000, 3);
    return new GameSession(deps, out, new ProtocolCodec(), udpPlayer, Runnable::run);
  }

  private static void playOneOfEach(GameSession s) {
    SessionTestKit.enterAsP1(s);
    s.onEnvelope(
        Envelope.newBuilder()
            .setCorrelationId(4)
            .setChatSend(
                ChatSend.newBuilder().setChannel(ChatChannel.CHAT_CHANNEL_SAY).setText("hi"))
            .build());
    s.onEnvelope(
        Envelope.newBuilder()
            .setCorrelationId(5)
            .setUseAbility(UseAbility.newBuilder().setAbilityId("strike").setTargetId(42))
            .build());
    s.onEnvelope(
        Envelope.newBuilder()
            .setCorrelationId(6)
            .setSocialRequest(SocialRequest.newBuilder().setVerb(SocialVerb.SOCIAL_VERB_LIST))
            .build());
  }
}
