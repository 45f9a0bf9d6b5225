package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guild bank with the real entities: a {@link Guild} and the economy's {@link Holdings}
 * (sharded on a one-node cluster, in-memory journal). Money and items are conserved through
 * deposits, withdrawals and refusals; ranks without the permission are refused and change nothing;
 * a guild that stopped in the middle of a move finishes it after recovery without moving anything
 * twice; the guild's journal records who moved what.
 */
class GuildBankTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
  private static final long DAY = GuildBankLimits.day(NOW);
  private static final ActorTestKit kit =
      ActorTestKit.create(
          "GuildBankTest",
          ConfigFactory.parseString(
                  """
                  pekko.actor.provider = cluster
                  pekko.remote.artery.canonical.hostname = 127.0.0.1
                  pekko.remote.artery.canonical.port = 0
                  pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                  """)
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @BeforeAll
  static void startCluster() {
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Holdings.init(kit.system(), 4, EconomyConfig.defaults().catalog());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static <M, R> R ask(ActorRef<M> to, Function<ActorRef<R>, M> f) throws Exception {
    return AskPattern.<M, R>ask(to, f::apply, WAIT, kit.scheduler())
        .toCompletableFuture()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static HoldingsView holdings(String id) throws Exception {
    return ClusterSharding.get(kit.system())
        .entityRefFor(Holdings.ENTITY_KEY, id)
        .<HoldingsView>ask(Holdings.GetHoldings::new, WAIT)
        .toCompletableFuture()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static LegReply post(Leg leg) throws Exception {
    return ClusterSharding.get(kit.system())
        .entityRefFor(Holdings.ENTITY_KEY, leg.playerId())
        .<LegReply>ask(r -> new Holdings.Post(leg, r), WAIT)
        .toCompletableFuture()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static long copper(String id) throws Exception {
    return holdings(id).copper();
  }

  private static int ore(String id) throws Exception {
    return holdings(id).items().getOrDefault("copper_ore", 0);
  }

  private static ActorRef<Guild.Command> spawn(String tag) {
    return kit.spawn(Guild.create(tag, "guild-0", Clock.systemUTC()));
  }

  private static String tag() {
    return "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
  }

  private static List<ItemStack> ore(int n) {
    return n == 0 ? List.of() : List.of(new ItemStack("copper_ore", n));
  }

  @Test
  void depositsAndWithdrawalsConserveMoneyAndItemsAndNeedTheirRanksPermission() throws Exception {
    String tag = tag();
    String ann = "ann-" + UUID.randomUUID();
    String bo = "bo-" + UUID.randomUUID();
    String bank = GuildBank.account(tag);
    assertThat(post(Leg.in("fund-" + ann, ann, 1_000, ore(5))))
        .isInstanceOf(LegReply.LegDone.class);
    assertThat(post(Leg.in("fund-" + bo, bo, 100, List.of()))).isInstanceOf(LegReply.LegDone.class);
    ActorRef<Guild.Command> g = spawn(tag);
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Create("Bankers", ann, r));
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Invite(ann, bo, r));
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Join(bo, r));

    Guild.Reply in =
        ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankDeposit(ann, null, 300, ore(2), r));
    assertThat(in).isInstanceOf(Guild.BankMoved.class);
    assertThat(((Guild.BankMoved) in).settled()).isTrue();
    assertThat(copper(bank)).isEqualTo(300);
    assertThat(ore(bank)).isEqualTo(2);
    assertThat(copper(ann)).isEqualTo(700);
    assertThat(ore(ann)).isEqualTo(3);

    // A recruit may not deposit, a member may; a member may not withdraw. Nothing moves.
    assertThat(ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankDeposit(bo, null, 50, ore(0), r)))
        .isEqualTo(new Guild.Rejected("RECRUIT may not BANK_DEPOSIT"));
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Promote(ann, bo, r));
    assertThat(ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankDeposit(bo, null, 50, ore(0), r)))
        .isInstanceOf(Guild.BankMoved.class);
    assertThat(ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 10, ore(0), r)))
        .isEqualTo(new Guild.Rejected("MEMBER may not BANK_WITHDRAW"));
    // A stranger neither.
    assertThat(
            ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw("eve", null, 10, ore(0), r)))
        .isEqualTo(new Guild.Rejected("not a member of the guild"));

    // The leader withdraws; more than the bank holds is refused by the bank's holdings.
    assertThat(
            ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(ann, null, 100, ore(1), r)))
        .isInstanceOf(Guild.BankMoved.class);
    Guild.Reply tooMuch =
        ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(ann, null, 10_000, ore(0), r));
    assertThat(tooMuch).isInstanceOf(Guild.Rejected.class);
    Guild.Reply tooMany =
        ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankDeposit(ann, null, 0, ore(5), r));
    assertThat(tooMany).isInstanceOf(Guild.Rejected.class);

    assertThat(copper(bank)).isEqualTo(250);
    assertThat(ore(bank)).isEqualTo(1);
    assertThat(copper(ann)).isEqualTo(800);
    assertThat(ore(ann)).isEqualTo(4);
    assertThat(copper(bo)).isEqualTo(50);
    assertThat(copper(ann) + copper(bo) + copper(bank)).isEqualTo(1_100);
    assertThat(ore(ann) + ore(bank)).isEqualTo(5);

    // The journal says who moved what and how each move ended.
    List<Object> events =
        PersistenceTestKit.create(kit.system()).persistedInStorage("Guild|" + tag);
    List<Guild.BankMoveStarted> started =
        events.stream()
            .filter(Guild.BankMoveStarted.class::isInstance)
            .map(Guild.BankMoveStarted.class::cast)
            .toList();
    assertThat(started)
        .extracting(Guild.BankMoveStarted::playerId, Guild.BankMoveStarted::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ann, GuildBank.Kind.DEPOSIT),
            org.assertj.core.groups.Tuple.tuple(bo, GuildBank.Kind.DEPOSIT),
            org.assertj.core.groups.Tuple.tuple(ann, GuildBank.Kind.WITHDRAW),
            org.assertj.core.groups.Tuple.tuple(ann, GuildBank.Kind.WITHDRAW),
            org.assertj.core.groups.Tuple.tuple(ann, GuildBank.Kind.DEPOSIT));
    assertThat(
            events.stream()
                .filter(Guild.BankMoveEnded.class::isInstance)
                .map(e -> ((Guild.BankMoveEnded) e).done()))
        .containsExactly(true, true, true, false, false);
  }

  @Test
  void aGuildStoppedInTheMiddleOfMovesFinishesThemOnRecoveryWithoutMovingAnythingTwice()
      throws Exception {
    String tag = tag();
    String ann = "ann-" + UUID.randomUUID();
    String bank = GuildBank.account(tag);
    assertThat(post(Leg.in("fund-" + ann, ann, 1_000, ore(5))))
        .isInstanceOf(LegReply.LegDone.class);
    assertThat(post(Leg.in("fund-" + bank, bank, 500, List.of())))
        .isInstanceOf(LegReply.LegDone.class);
    // The journal as a crash left it: a deposit whose take the holdings applied but whose
    // acknowledgement the guild never persisted, a withdrawal whose give was applied but not
    // recorded, and a deposit started but never posted.
    GuildBank.Move d1 =
        new GuildBank.Move(
            "d1", ann, GuildBank.Kind.DEPOSIT, 200, ore(2), GuildBank.Phase.TAKING, DAY);
    GuildBank.Move w1 =
        new GuildBank.Move(
            "w1", ann, GuildBank.Kind.WITHDRAW, 100, ore(0), GuildBank.Phase.TAKING, DAY);
    GuildBank.Move d2 =
        new GuildBank.Move(
            "d2", ann, GuildBank.Kind.DEPOSIT, 50, ore(0), GuildBank.Phase.TAKING, DAY);
    PersistenceTestKit.create(kit.system())
        .persistForRecovery(
            "Guild|" + tag,
            List.of(
                new Guild.GuildCreated(tag, "Crashers", ann, NOW),
                started(tag, d1),
                started(tag, w1),
                new Guild.BankMoveTaken(tag, "w1"),
                started(tag, d2)));
    assertThat(post(d1.leg(tag))).isInstanceOf(LegReply.LegDone.class);
    assertThat(post(w1.leg(tag))).isInstanceOf(LegReply.LegDone.class);
    assertThat(post(w1.given().leg(tag))).isInstanceOf(LegReply.LegDone.class);
    assertThat(copper(ann)).isEqualTo(1_000 - 200 + 100);

    ActorRef<Guild.Command> g = spawn(tag);
    PersistenceTestKit journal = PersistenceTestKit.create(kit.system());
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                journal.persistedInStorage("Guild|" + tag).stream()
                        .filter(Guild.BankMoveEnded.class::isInstance)
                        .count()
                    == 3);
    assertThat(copper(ann)).isEqualTo(1_000 - 200 + 100 - 50);
    assertThat(ore(ann)).isEqualTo(3);
    assertThat(copper(bank)).isEqualTo(500 + 200 - 100 + 50);
    assertThat(ore(bank)).isEqualTo(2);
    assertThat(copper(ann) + copper(bank)).isEqualTo(1_500);
    // Nothing left under way.
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Get(r));
    kit.stop(g, WAIT);
    ActorRef<Guild.Command> again = spawn(tag);
    ask(again, (ActorRef<Guild.Reply> r) -> new Guild.Get(r));
    assertThat(copper(bank)).isEqualTo(650);
  }

  @Test
  void anOfficerWithdrawsAtMostItsRanksDailyLimitEvenAcrossARestartAndAgainTheNextUtcDay()
      throws Exception {
    String tag = tag();
    String ann = "ann-" + UUID.randomUUID();
    String bo = "bo-" + UUID.randomUUID();
    String bank = GuildBank.account(tag);
    assertThat(post(Leg.in("fund-" + bank, bank, 10_000, ore(20))))
        .isInstanceOf(LegReply.LegDone.class);
    GuildBankLimits limits =
        new GuildBankLimits(
            java.util.Map.of(GuildRank.LEADER, GuildBankLimits.UNLIMITED, GuildRank.OFFICER, 300L),
            java.util.Map.of(GuildRank.LEADER, GuildBankLimits.UNLIMITED, GuildRank.OFFICER, 4L));
    org.bluemarble.market.ManualClock clock =
        new org.bluemarble.market.ManualClock(Instant.parse("2026-12-07T23:50:00Z"));
    java.util.function.Supplier<ActorRef<Guild.Command>> start =
        () -> kit.spawn(Guild.create(tag, "guild-0", clock, limits));
    ActorRef<Guild.Command> g = start.get();
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Create("Limited", ann, r));
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Invite(ann, bo, r));
    ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Join(bo, r));
    for (int i = 0; i < 3; i++) {
      ask(g, (ActorRef<Guild.Reply> r) -> new Guild.Promote(ann, bo, r));
    }

    assertThat(
            ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 200, ore(3), r)))
        .isInstanceOf(Guild.BankMoved.class);
    // More than the bank holds: refused at the take, so it does not count against the day.
    assertThat(ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 0, ore(99), r)))
        .isInstanceOf(Guild.Rejected.class);
    Guild.Reply over =
        ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 101, ore(0), r));
    assertThat(over)
        .isEqualTo(
            new Guild.Rejected(
                "daily withdrawal limit: OFFICER may withdraw 300 copper a day (UTC), 100 left today",
                GuildBankLimits.DAILY_LIMIT));
    assertThat(ask(g, (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 0, ore(2), r)))
        .isInstanceOf(Guild.Rejected.class)
        .extracting(r -> ((Guild.Rejected) r).reason())
        .isEqualTo(GuildBankLimits.DAILY_LIMIT);
    // The leader is not limited.
    assertThat(
            ask(
                g,
                (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(ann, null, 5_000, ore(0), r)))
        .isInstanceOf(Guild.BankMoved.class);

    // The guild stops and recovers from its journal: the day's withdrawals still count.
    kit.stop(g, WAIT);
    g = start.get();
    ActorRef<Guild.Command> recovered = g;
    assertThat(
            ask(
                recovered,
                (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 101, ore(0), r)))
        .extracting(r -> ((Guild.Rejected) r).reason())
        .isEqualTo(GuildBankLimits.DAILY_LIMIT);
    assertThat(
            ask(
                recovered,
                (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 100, ore(1), r)))
        .isInstanceOf(Guild.BankMoved.class);

    // Past midnight UTC the officer may withdraw its full limit again.
    clock.advance(Duration.ofMinutes(11));
    assertThat(
            ask(
                recovered,
                (ActorRef<Guild.Reply> r) -> new Guild.BankWithdraw(bo, null, 300, ore(4), r)))
        .isInstanceOf(Guild.BankMoved.class);
    assertThat(copper(bo)).isEqualTo(200 + 100 + 300);
    assertThat(ore(bo)).isEqualTo(3 + 1 + 4);
    assertThat(copper(bank) + copper(bo) + copper(ann)).isEqualTo(10_000);
    assertThat(ore(bank) + ore(bo)).isEqualTo(20);
  }

  private static Guild.BankMoveStarted started(String tag, GuildBank.Move m) {
    return new Guild.BankMoveStarted(
        tag, m.moveId(), m.playerId(), m.kind(), m.copper(), m.items(), NOW);
  }
}
