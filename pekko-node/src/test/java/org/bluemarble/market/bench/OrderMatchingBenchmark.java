package org.bluemarble.market.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bluemarble.market.exchange.MatchResult;
import org.bluemarble.market.exchange.Order;
import org.bluemarble.market.exchange.OrderBook;
import org.bluemarble.market.exchange.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Orders placed (matched, escrowed and settled into moves) per second on one {@link OrderBook}:
 * random buys and sells of 1-20 units at prices within ±10 copper of 1,000 against a book
 * pre-filled with 500 resting orders per side, so most orders fill partly and some rest. Pure
 * domain cost, no journal. Run: see {@link #main}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OrderMatchingBenchmark {
  private static final long MID = 1_000;
  private static final int PREFILL = 500;

  private OrderBook book;
  private SplittableRandom random;
  private long next;

  /** A fresh book per iteration so the set of used order ids stays small. */
  @Setup(Level.Iteration)
  public void setUp() {
    book = new OrderBook("iron_ore", 500);
    random = new SplittableRandom(42);
    next = 0;
    for (int i = 0; i < PREFILL; i++) {
      book.place(
          new Order(
              "b" + i,
              "buyer" + (i % 50),
              Side.BUY,
              MID - 1 - random.nextInt(10),
              1 + random.nextInt(20)),
          Long.MAX_VALUE);
      book.place(
          new Order(
              "s" + i,
              "seller" + (i % 50),
              Side.SELL,
              MID + 1 + random.nextInt(10),
              1 + random.nextInt(20)),
          Long.MAX_VALUE);
    }
  }

  /** Places one random limit order. */
  @Benchmark
  public MatchResult placeOrder() {
    long n = next++;
    boolean buy = random.nextBoolean();
    long price = MID + random.nextInt(-10, 11);
    return book.place(
        new Order(
            Long.toString(n),
            "p" + (n % 200),
            buy ? Side.BUY : Side.SELL,
            price,
            1 + random.nextInt(20)),
        Long.MAX_VALUE);
  }

  /**
   * Runs the benchmark. From the worktree root: {@code ./mvnw -B -q -o -pl pekko-node test-compile
   * dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test} then {@code
   * java -cp pekko-node/target/test-classes:pekko-node/target/classes:$(cat /tmp/cp.txt)
   * org.bluemarble.market.bench.OrderMatchingBenchmark}.
   */
  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(OrderMatchingBenchmark.class.getSimpleName()).build())
        .run();
  }
}
