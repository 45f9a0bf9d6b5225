package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random guilds under random commands from random players: no action succeeds without its
 * permission (the table below, written from the companion facts, not from {@link GuildRules}), a
 * member is only acted on by a higher rank (bank: members and above deposit, officers and the
 * leader withdraw, recruits neither), and the guild always has one leader and at most 50 members.
 */
class GuildPermissionsPropertyTest {
  private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
  private static final String TAG = "BLUE";

  /** An action by {@code actor} (index into the players) on {@code target}. */
  record Step(int kind, int actor, int target) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 11))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(120);
  }

  @Property(tries = 300)
  void noActionSucceedsWithoutItsPermission(@ForAll("steps") List<Step> steps) {
    GuildState state = GuildState.EMPTY.apply(new Guild.GuildCreated(TAG, "Blue", "p0", NOW));
    for (Step s : steps) {
      String actor = "p" + s.actor();
      String target = "p" + s.target();
      GuildRank actorRank = state.rankOf(actor);
      GuildRank targetRank = state.rankOf(target);
      Guild.Command cmd =
          switch (s.kind()) {
            case 0 -> new Guild.Invite(actor, target, null);
            case 1 -> new Guild.Join(target, null);
            case 2 -> new Guild.Kick(actor, target, null);
            case 3 -> new Guild.Promote(actor, target, null);
            case 4 -> new Guild.Demote(actor, target, null);
            case 5 -> new Guild.SetMotd(actor, "hello " + s.target(), null);
            case 6 -> new Guild.Leave(actor, null);
            case 8 -> new Guild.BankDeposit(actor, "m" + s.target(), 5, List.of(), null);
            case 9 -> new Guild.BankWithdraw(actor, "m" + s.target(), 5, List.of(), null);
            default -> new Guild.Join(actor, null);
          };
      GuildState.Decision d = state.decide(TAG, cmd, NOW);
      if (d.refusal() == null) {
        switch (s.kind()) {
          case 0 ->
              assertThat(actorRank).isIn(GuildRank.LEADER, GuildRank.OFFICER, GuildRank.VETERAN);
          case 2, 4 -> {
            assertThat(actorRank).isIn(GuildRank.LEADER, GuildRank.OFFICER);
            assertThat(targetRank).isNotNull();
            assertThat(actorRank.ordinal()).isLessThan(targetRank.ordinal());
          }
          case 3 -> {
            assertThat(actorRank).isIn(GuildRank.LEADER, GuildRank.OFFICER);
            assertThat(actorRank.ordinal()).isLessThan(targetRank.ordinal());
            if (actorRank == GuildRank.OFFICER) {
              // An officer may raise up to veteran, never to its own rank.
              assertThat(targetRank.ordinal()).isGreaterThan(GuildRank.VETERAN.ordinal());
            }
          }
          case 5, 9 -> assertThat(actorRank).isIn(GuildRank.LEADER, GuildRank.OFFICER);
          case 8 ->
              assertThat(actorRank)
                  .isIn(GuildRank.LEADER, GuildRank.OFFICER, GuildRank.VETERAN, GuildRank.MEMBER);
          default -> {}
        }
        for (Guild.Event e : d.events()) {
          state = state.apply(e);
        }
      } else {
        assertThat(d.events()).isEmpty();
      }
      assertThat(state.members().values().stream().filter(r -> r == GuildRank.LEADER).count())
          .as("one leader while anyone is a member")
          .isEqualTo(state.members().isEmpty() ? 0 : 1);
      assertThat(state.members().size()).isLessThanOrEqualTo(GuildRules.MAX_MEMBERS);
    }
  }

  @Property
  void onlyWellFormedTagsFoundAGuild(@ForAll String tag) {
    GuildState.Decision d = GuildState.EMPTY.decide(tag, new Guild.Create("Name", "p0", null), NOW);
    assertThat(d.refusal() == null).isEqualTo(tag.matches("^[A-Z0-9]{2,10}$"));
  }
}
