package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bluemarble.config.SettingsException;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.Test;

/**
 * The daily guild-bank withdrawal limits as pure rules: whatever the withdrawals, their timing
 * across UTC midnights and the bank's refusals, what a member of a limited rank takes out of the
 * bank in one UTC day never exceeds its rank's limit, a limit refusal is marked {@link
 * GuildBankLimits#DAILY_LIMIT}, and the state rebuilt from the events alone (a replay) decides the
 * same.
 */
class GuildBankLimitsTest {
  private static final String TAG = "BANK";
  private static final Instant START = Instant.parse("2026-12-07T20:00:00Z");
  private static final GuildBankLimits LIMITS =
      new GuildBankLimits(
          Map.of(GuildRank.LEADER, 500L, GuildRank.OFFICER, 120L),
          Map.of(GuildRank.LEADER, GuildBankLimits.UNLIMITED, GuildRank.OFFICER, 7L));

  /**
   * One step: {@code who} (0 leader, 1-2 officers) withdraws {@code copper} and {@code units} of
   * ore {@code minutes} after the previous step; {@code outcome} 0: the bank applies the take and
   * the give, 1: the bank refuses the take, 2: the move stays under way for now.
   */
  record Step(int who, long copper, int units, int minutes, int outcome) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 90),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 2))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(80);
  }

  private static GuildState guild() {
    GuildState s = GuildState.EMPTY.apply(new Guild.GuildCreated(TAG, "Bank", "p0", START));
    for (String p : List.of("p1", "p2")) {
      s = s.apply(new Guild.MemberInvited(TAG, p, "p0"));
      s = s.apply(new Guild.MemberJoined(TAG, p));
      for (int i = 0; i < 3; i++) {
        s = s.apply(new Guild.RankChanged(TAG, p, GuildRank.values()[3 - i], "p0"));
      }
    }
    return s;
  }

  @Property(tries = 300)
  void whatAMemberTakesOutOfTheBankInOneUtcDayNeverExceedsItsRanksLimit(
      @ForAll("steps") List<Step> steps) {
    GuildState state = guild();
    assertThat(state.rankOf("p1")).isEqualTo(GuildRank.OFFICER);
    List<Guild.Event> journal = new ArrayList<>();
    // What really left the bank (started and not refused at the take), by player and UTC day.
    Map<String, long[]> taken = new HashMap<>();
    Map<String, String> moveKey = new HashMap<>();
    Map<String, long[]> moveAmount = new HashMap<>();
    Instant now = START;
    int n = 0;
    for (Step s : steps) {
      now = now.plus(Duration.ofMinutes(s.minutes()));
      String who = "p" + s.who();
      String moveId = "m" + n++;
      List<ItemStack> items =
          s.units() == 0 ? List.of() : List.of(new ItemStack("copper_ore", s.units()));
      GuildState.Decision d =
          state.decide(
              TAG, new Guild.BankWithdraw(who, moveId, s.copper(), items, null), now, LIMITS);
      if (d.refusal() != null) {
        assertThat(d.events()).isEmpty();
        if (d.reason().equals(GuildBankLimits.DAILY_LIMIT)) {
          assertThat(state.rankOf(who)).isNotNull();
          assertThat(d.refusal()).startsWith("daily withdrawal limit");
        }
        continue;
      }
      List<Guild.Event> events = new ArrayList<>(d.events());
      String key = who + "@" + GuildBankLimits.day(now);
      moveKey.put(moveId, key);
      moveAmount.put(moveId, new long[] {s.copper(), s.units()});
      long[] t = taken.computeIfAbsent(key, k -> new long[2]);
      t[0] += s.copper();
      t[1] += s.units();
      if (s.outcome() == 0) {
        events.add(new Guild.BankMoveTaken(TAG, moveId));
        events.add(new Guild.BankMoveEnded(TAG, moveId, who, true, "", now));
      } else if (s.outcome() == 1) {
        // The bank refused the take (a later instant, perhaps the next day): nothing moved.
        events.add(
            new Guild.BankMoveEnded(TAG, moveId, who, false, "not enough", now.plusSeconds(30)));
        t[0] -= s.copper();
        t[1] -= s.units();
      }
      for (Guild.Event e : events) {
        state = state.apply(e);
        journal.add(e);
      }
      for (var e : taken.entrySet()) {
        GuildRank rank = state.rankOf(e.getKey().substring(0, e.getKey().indexOf('@')));
        assertThat(e.getValue()[0])
            .as("copper taken by %s", e.getKey())
            .isLessThanOrEqualTo(LIMITS.copper().get(rank));
        if (rank == GuildRank.OFFICER) {
          assertThat(e.getValue()[1])
              .as("item units taken by %s", e.getKey())
              .isLessThanOrEqualTo(LIMITS.items().get(rank));
        }
      }
    }
    // A replay of the journal (events only) comes to the same state, so decides the same.
    GuildState replayed = guild();
    for (Guild.Event e : journal) {
      replayed = replayed.apply(e);
    }
    assertThat(replayed).isEqualTo(state);
  }

  @Test
  void aRefusalByTheLimitSaysHowMuchIsLeftAndTheNextUtcDayStartsAfresh() {
    GuildState s = guild();
    Instant late = Instant.parse("2026-12-07T23:59:00Z");
    List<ItemStack> none = List.of();
    GuildState.Decision first =
        s.decide(TAG, new Guild.BankWithdraw("p1", "a", 100, none, null), late, LIMITS);
    for (Guild.Event e : first.events()) {
      s = s.apply(e);
    }
    GuildState.Decision second =
        s.decide(TAG, new Guild.BankWithdraw("p1", "b", 30, none, null), late, LIMITS);
    assertThat(second.refusal())
        .isEqualTo(
            "daily withdrawal limit: OFFICER may withdraw 120 copper a day (UTC), 20 left today");
    assertThat(second.reason()).isEqualTo(GuildBankLimits.DAILY_LIMIT);
    assertThat(s.decide(TAG, new Guild.BankWithdraw("p1", "b", 20, none, null), late, LIMITS))
        .extracting(GuildState.Decision::refusal)
        .isNull();
    // Two minutes later it is the next UTC day.
    Instant next = late.plusSeconds(120);
    assertThat(s.decide(TAG, new Guild.BankWithdraw("p1", "b", 120, none, null), next, LIMITS))
        .extracting(GuildState.Decision::refusal)
        .isNull();
    // Other rules still answer without the limit's reason.
    GuildState.Decision recruit =
        s.decide(TAG, new Guild.BankWithdraw("p9", "c", 1, none, null), next, LIMITS);
    assertThat(recruit.reason()).isEmpty();
    assertThat(recruit.refusal()).isEqualTo("not a member of the guild");
  }

  @Test
  void theLimitsAreReadFromTheConfigAndBadTablesAreRefusedNamingTheKey() {
    assertThat(GuildBankLimits.fromConfig(ConfigFactory.defaultReference()))
        .isEqualTo(GuildBankLimits.DEFAULT);
    GuildBankLimits read =
        GuildBankLimits.fromConfig(
            ConfigFactory.parseString(
                """
                bluemarble.social.guild-bank {
                  daily-withdrawal-copper { leader = 1000, officer = 0 }
                  daily-withdrawal-items { leader = unlimited, officer = 3 }
                }
                """));
    assertThat(read.copper()).containsEntry(GuildRank.LEADER, 1000L);
    assertThat(read.copper()).containsEntry(GuildRank.OFFICER, 0L);
    assertThat(read.items()).containsEntry(GuildRank.LEADER, GuildBankLimits.UNLIMITED);
    assertThatThrownBy(() -> GuildBankLimits.fromConfig(table("leader = 1, officer = -5")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("daily-withdrawal-copper.officer");
    assertThatThrownBy(() -> GuildBankLimits.fromConfig(table("leader = 1")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("daily-withdrawal-copper.officer");
    assertThatThrownBy(
            () -> GuildBankLimits.fromConfig(table("leader = 1, officer = 2, member = 1")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("may not withdraw");
    assertThatThrownBy(() -> GuildBankLimits.fromConfig(table("leader = lots, officer = 2")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unlimited");
  }

  private static com.typesafe.config.Config table(String copper) {
    return ConfigFactory.parseString(
        "bluemarble.social.guild-bank { daily-withdrawal-copper { "
            + copper
            + " }, daily-withdrawal-items { leader = 1, officer = 1 } }");
  }
}
