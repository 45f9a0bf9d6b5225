package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A party's life cycle on the entity: formed by the first invitation, joined, full at five, led,
 * kicked from, handed over, disbanded; refusals change nothing; recovered after a restart (the
 * journal is what lets sharding restart it on another node after a node failure).
 */
class PartyTest {
  private static final ActorTestKit kit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<Party.Command, Party.Event, PartyState> party() {
    return EventSourcedBehaviorTestKit.create(kit.system(), Party.create("p1", "party-0"));
  }

  private static Party.Reply run(
      EventSourcedBehaviorTestKit<Party.Command, Party.Event, PartyState> p,
      java.util.function.Function<org.apache.pekko.actor.typed.ActorRef<Party.Reply>, Party.Command>
          c) {
    return p.<Party.Reply>runCommand(c).reply();
  }

  @Test
  void lifeCycleFromFirstInvitationToDisbandingSurvivesARestart() {
    var p = party();
    Party.Summary formed = (Party.Summary) run(p, r -> new Party.Invite("ann", "bo", r));
    assertThat(formed.formed()).isTrue();
    assertThat(formed.leader()).isEqualTo("ann");
    assertThat(formed.members()).containsExactly("ann");
    assertThat(formed.invited()).containsExactly("bo");

    assertThat(run(p, r -> new Party.Accept("cy", r))).isInstanceOf(Party.Rejected.class);
    assertThat(run(p, r -> new Party.Invite("bo", "cy", r)))
        .isInstanceOfSatisfying(Party.Rejected.class, x -> assertThat(x.permission()).isTrue());
    run(p, r -> new Party.Accept("bo", r));
    for (String who : new String[] {"cy", "di", "ed"}) {
      run(p, r -> new Party.Invite("ann", who, r));
      run(p, r -> new Party.Accept(who, r));
    }
    assertThat(p.getState().members()).containsExactly("ann", "bo", "cy", "di", "ed");
    assertThat(run(p, r -> new Party.Invite("ann", "fay", r)))
        .isInstanceOfSatisfying(
            Party.Rejected.class, x -> assertThat(x.message()).contains("at most 5"));

    // Restart: the journal gives the same party back.
    p.restart();
    assertThat(p.getState().members()).containsExactly("ann", "bo", "cy", "di", "ed");
    assertThat(p.getState().leader()).isEqualTo("ann");

    Party.Summary kicked = (Party.Summary) run(p, r -> new Party.Kick("ann", "ed", r));
    assertThat(kicked.removed()).isEqualTo("ed");
    assertThat(run(p, r -> new Party.Kick("bo", "cy", r))).isInstanceOf(Party.Rejected.class);
    run(p, r -> new Party.SetLeader("ann", "cy", r));
    assertThat(p.getState().leader()).isEqualTo("cy");
    // A leaving leader hands over to the longest member.
    run(p, r -> new Party.Leave("cy", r));
    assertThat(p.getState().leader()).isEqualTo("ann");
    run(p, r -> new Party.Leave("ann", r));
    assertThat(p.getState().leader()).isEqualTo("bo");
    run(p, r -> new Party.Leave("di", r));
    Party.Summary last = (Party.Summary) run(p, r -> new Party.Leave("bo", r));
    assertThat(last.formed()).isFalse();
    assertThat(run(p, r -> new Party.Invite("bo", "ann", r)))
        .isInstanceOfSatisfying(
            Party.Rejected.class, x -> assertThat(x.message()).contains("disbanded"));
    p.restart();
    assertThat(p.getState().formed()).isFalse();
  }
}
