package org.bluemarble.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.bluemarble.edge.port.ChatLine;
import org.junit.jupiter.api.Test;

/** The pure chat rules: flood limit, word filter, bounded history. */
class ChatRulesTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void bucketLetsTheBurstThroughThenRefusesUntilRefilled() {
    TokenBucket bucket = new TokenBucket(10, 10, 0);
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.take(0)).isZero();
    }
    long wait = bucket.take(0);
    assertThat(wait).isBetween(1L, 100L);
    assertThat(bucket.take(SECOND / 10)).isZero();
    assertThat(bucket.take(SECOND / 10)).isPositive();
  }

  @Property
  void bucketNeverLetsMoreThanBurstPlusRateThrough(@ForAll("steps") List<Integer> gapsMillis) {
    TokenBucket bucket = new TokenBucket(10, 10, 0);
    long now = 0;
    int taken = 0;
    for (int gap : gapsMillis) {
      now += gap * 1_000_000L;
      if (bucket.take(now) == 0) {
        taken++;
      }
    }
    double seconds = now / 1e9;
    assertThat(taken).isLessThanOrEqualTo(10 + (int) Math.floor(seconds * 10 + 1e-9));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<Integer>> steps() {
    return net.jqwik.api.Arbitraries.integers().between(0, 300).list().ofMaxSize(200);
  }

  @Test
  void filterMasksBlockedWordsWhateverTheirCaseAndInsideWords() {
    WordFilter filter = new WordFilter(List.of("darn", " heck ", ""));
    assertThat(filter.mask("Darn it, what the HECK")).isEqualTo("**** it, what the ****");
    assertThat(filter.mask("darnation")).isEqualTo("****ation");
    assertThat(filter.mask("fine words")).isEqualTo("fine words");
    assertThat(new WordFilter(List.of()).mask("darn")).isEqualTo("darn");
  }

  @Property
  void maskedTextKeepsItsLengthAndNoBlockedWordSurvives(
      @ForAll @AlphaChars @StringLength(min = 2, max = 6) String word,
      @ForAll @StringLength(max = 40) String before,
      @ForAll @StringLength(max = 40) String after) {
    WordFilter filter = new WordFilter(List.of(word));
    String text = before + word.toUpperCase(Locale.ROOT) + after;
    String masked = filter.mask(text);
    assertThat(masked).hasSameSizeAs(text);
    assertThat(masked.toLowerCase(Locale.ROOT)).doesNotContain(word.toLowerCase(Locale.ROOT));
  }

  @Test
  void historyKeepsTheLastLinesPerChannel() {
    ChatHistory history = new ChatHistory(3);
    for (int i = 1; i <= 5; i++) {
      history.add("GENERAL", line(i));
    }
    history.add("TRADE/1c", line(99));
    assertThat(history.recent("GENERAL"))
        .extracting(ChatEntry::sequence)
        .containsExactly(3L, 4L, 5L);
    assertThat(history.recent("TRADE/1c")).extracting(ChatEntry::sequence).containsExactly(99L);
    assertThat(history.recent("TRADE/2c")).isEmpty();
  }

  private static ChatEntry line(long seq) {
    return new ChatEntry(ChatLine.Channel.GENERAL, "", "p", "P", "t" + seq, 0, "", seq, false);
  }
}
