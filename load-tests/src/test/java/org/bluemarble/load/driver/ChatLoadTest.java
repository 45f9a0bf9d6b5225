package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.bluemarble.protocol.v1.ChatChannel;
import org.junit.jupiter.api.Test;

/** The driver's chat load: guild groups, tags the server accepts, numbers per channel. */
class ChatLoadTest {

  @Test
  void botsShareGuildsOfTenWhoseFounderInvitesTheRestUnderATagTheServerAccepts() {
    List<String> players = IntStream.range(0, 23).mapToObj(i -> "p" + i).toList();
    ChatLoad chat = new ChatLoad(12, players);
    assertThat(chat.guildTag(0)).matches("^[A-Z0-9]{2,10}$").isEqualTo(chat.guildTag(9));
    assertThat(chat.guildTag(10)).isNotEqualTo(chat.guildTag(9));
    assertThat(chat.guildTag(99_999 * ChatLoad.GUILD_SIZE)).matches("^[A-Z0-9]{2,10}$");
    assertThat(new ChatLoad(12, players).guildTag(0)).isNotEqualTo(chat.guildTag(0));
    assertThat(ChatLoad.founds(10)).isTrue();
    assertThat(ChatLoad.founds(11)).isFalse();
    assertThat(chat.invitees(0))
        .containsExactly("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
    assertThat(chat.invitees(20)).containsExactly("p21", "p22");
  }

  @Test
  void countsSendsAndDeliveriesPerChannel() {
    ChatLoad chat = new ChatLoad(12, List.of("p0"));
    chat.sent(ChatChannel.CHAT_CHANNEL_GUILD);
    chat.sent(ChatChannel.CHAT_CHANNEL_SAY);
    chat.delivered(ChatChannel.CHAT_CHANNEL_GUILD, 4_000_000);
    chat.delivered(ChatChannel.CHAT_CHANNEL_GUILD, 6_000_000);
    chat.delivered(ChatChannel.CHAT_CHANNEL_SYSTEM, 1_000_000); // not a bot's channel: ignored
    var m = chat.summary();
    assertThat(m).containsOnlyKeys("SAY", "WHISPER", "GUILD");
    assertThat(m.get("GUILD").sent()).isEqualTo(1);
    assertThat(m.get("GUILD").delivered()).isEqualTo(2);
    assertThat(m.get("GUILD").deliveryP99Ms()).isBetween(5.0, 7.0);
    assertThat(m.get("WHISPER").delivered()).isZero();
    ChatStats stats = new ChatStats(2, 2, 5, 6, 0, 1, m);
    assertThat(stats.table()).contains("GUILD").contains("WHISPER").contains("all");
  }
}
