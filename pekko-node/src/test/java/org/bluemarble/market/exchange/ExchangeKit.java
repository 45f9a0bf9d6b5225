package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.market.Economy;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.Ids;
import org.bluemarble.market.LedgerAudit;
import org.bluemarble.market.LedgerReport;
import org.bluemarble.market.ManualClock;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.treasury.Treasury;

/**
 * A one-node cluster with the in-memory journal running the economy and the exchange (order books
 * and auction houses on a {@link ManualClock}), with the helpers the exchange tests share: players
 * that the ledger audit will see, grants through the mint, and the audit itself.
 */
public final class ExchangeKit {
  public static final Duration WAIT = Duration.ofSeconds(20);

  public final ActorTestKit testKit;
  public final Economy economy;
  public final Exchange exchange;
  public final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final Set<String> players = ConcurrentHashMap.newKeySet();
  private final Set<String> books = ConcurrentHashMap.newKeySet();

  public ExchangeKit(String name) {
    this(name, AuctionSettings.DEFAULT);
  }

  /** As {@link #ExchangeKit(String)} with the auction houses running under {@code auctions}. */
  public ExchangeKit(String name, AuctionSettings auctions) {
    this(name, auctions, EconomyConfig.defaults());
  }

  /**
   * As {@link #ExchangeKit(String, AuctionSettings)} with the economy configured by {@code config}.
   */
  public ExchangeKit(String name, AuctionSettings auctions, EconomyConfig config) {
    testKit =
        ActorTestKit.create(
            name,
            ConfigFactory.parseString(
                    """
                    pekko.actor.provider = cluster
                    pekko.remote.artery.canonical.hostname = 127.0.0.1
                    pekko.remote.artery.canonical.port = 0
                    pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                    pekko.actor.testkit.typed.system-shutdown-default = 30s
                    """)
                .withFallback(EventSourcedBehaviorTestKit.config())
                .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
                .withFallback(ConfigFactory.defaultReference()));
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    economy = Economy.start(testKit.system(), 4, config);
    exchange = Exchange.start(testKit.system(), 4, config, auctions, clock);
  }

  public void shutdown() {
    testKit.shutdownTestKit();
  }

  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh player the audit will include. */
  public String player() {
    String id = "p-" + UUID.randomUUID();
    players.add(id);
    return id;
  }

  /** Remembers the book of {@code itemId} in the first market for the audit. */
  public void book(String itemId) {
    books.add(Ids.bookId("capital", itemId));
  }

  public void grant(String player, long copper, List<ItemStack> items) {
    Treasury.MintReply r =
        await(economy.mint("grant-" + UUID.randomUUID(), player, copper, 0, items, "test"));
    assertThat(r.refusal()).isNull();
  }

  public HoldingsView holdings(String player) {
    return await(economy.holdings(player));
  }

  /** The ledger audit once no leg is in flight; asserts it balances and items are conserved. */
  public LedgerReport balancedAudit() {
    TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(
        WAIT,
        () -> {
          LedgerReport r =
              await(
                  new LedgerAudit(economy, exchange)
                      .check(List.copyOf(players), List.of(), List.copyOf(books)));
          assertThat(r.inFlight()).as("legs in flight").isZero();
          assertThat(r.balanced()).as(r.toString()).isTrue();
          assertThat(r.items()).as("items held anywhere vs minted").isEqualTo(r.itemsMinted());
          return r;
        });
  }

  /** Waits until {@code check} passes (legs are delivered asynchronously). */
  public void eventually(Runnable check) {
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        WAIT,
        () -> {
          check.run();
          return null;
        });
  }
}
