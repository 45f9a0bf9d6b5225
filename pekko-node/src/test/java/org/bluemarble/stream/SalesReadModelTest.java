package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.market.Economy;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.listing.Sale;
import org.bluemarble.market.listing.SalesPage;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sales read model, filled by its projections on a running node after a seeded random run of
 * listings, repricings, cancellations and purchases (some refused), equals what the markets
 * recovered from the journal answer: every sale, each player's sales, and the price statistics of
 * every item in every market, on PostgreSQL and on the embedded H2 file.
 */
class SalesReadModelTest {
  private static final List<String> ITEMS = List.of("iron_sword", "leather_cap");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @Test
  void equalsTheMarketsOnPostgres() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, Object> overrides = new HashMap<>(db.configOverrides());
    overrides.put("bluemarble.persistence.slices", 2);
    try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, overrides)) {
      compareWithMarkets(node, 7L);
    }
  }

  @Test
  void equalsTheMarketsOnH2() throws Exception {
    try (InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED, Map.of("bluemarble.node.data-dir", dataDir.toString()))) {
      compareWithMarkets(node, 11L);
    }
  }

  private static void compareWithMarkets(InProcessNode node, long seed) throws Exception {
    var config = node.system.settings().config();
    PersistenceSettings persistence = PersistenceSettings.fromConfig(config);
    Economy economy =
        Economy.start(
            node.system, persistence.slices(), EconomySettings.fromConfig(config).economy());
    List<String> markets = economy.config().markets();
    int sold = randomRun(economy, markets, new Random(seed));
    assertThat(sold).as("the run sold something").isPositive();

    try (HikariDataSource pool = Databases.pool(persistence, "test", 2)) {
      SalesReadModel model = new SalesReadModel(pool, ForkJoinPool.commonPool());
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> model.salesNow(null, 200).isPresent());
      List<Sale> all = model.salesNow(null, 200).orElseThrow();
      assertThat(all).hasSize(sold).isEqualTo(get(economy.sales(null, 200)));
      for (String player : players(all)) {
        assertThat(model.salesNow(player, 200)).contains(get(economy.sales(player, 200)));
      }
      assertThat(model.salesNow(null, 3).orElseThrow()).isEqualTo(all.subList(0, 3));
      for (String item : ITEMS) {
        Instant now = Instant.now();
        Map<String, PriceSummary> live = new LinkedHashMap<>();
        List<SalesPage> pages = get(economy.prices(item));
        for (int i = 0; i < markets.size(); i++) {
          live.put(markets.get(i), pages.get(i).prices());
        }
        assertThat(model.pricesNow(item, markets, now)).as(item).contains(live);
      }
    }
  }

  /** Listings in random markets, some repriced or cancelled, bought by random buyers. */
  private static int randomRun(Economy economy, List<String> markets, Random random) {
    List<String> players = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String p = "sales-" + UUID.randomUUID();
      players.add(p);
      long copper = i == 4 ? 50 : 200_000;
      var r =
          get(
              economy.mint(
                  "grant-" + p,
                  p,
                  copper,
                  0,
                  List.of(new ItemStack("iron_sword", 10), new ItemStack("leather_cap", 10)),
                  "test"));
      assertThat(r.refusal()).isNull();
    }
    int sold = 0;
    for (int i = 0; i < 16; i++) {
      String seller = players.get(random.nextInt(players.size() - 1));
      String item = ITEMS.get(random.nextInt(ITEMS.size()));
      int quantity = 1 + random.nextInt(3);
      long price = 100 + random.nextInt(5_000);
      MarketReply opened =
          get(
              economy.openListing(
                  markets.get(random.nextInt(markets.size())), seller, item, quantity, price, 1));
      if (!(opened instanceof MarketReply.ListingDone done)) {
        continue;
      }
      String listing = done.listing().id();
      int action = random.nextInt(5);
      if (action == 0) {
        get(economy.cancel(listing, seller));
        continue;
      }
      if (action == 1) {
        get(economy.reprice(listing, seller, price + 1 + random.nextInt(1_000)));
      }
      String buyer = players.get(random.nextInt(players.size()));
      if (buyer.equals(seller)) {
        continue;
      }
      if (get(economy.buy(listing, buyer)) instanceof MarketReply.ListingDone) {
        sold++;
      }
    }
    return sold;
  }

  private static List<String> players(List<Sale> sales) {
    List<String> out = new ArrayList<>();
    for (Sale s : sales) {
      out.add(s.buyer());
      out.add(s.seller());
    }
    return out.stream().distinct().toList();
  }

  private static <T> T get(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
