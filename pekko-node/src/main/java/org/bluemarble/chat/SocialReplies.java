package org.bluemarble.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.social.Guild;
import org.bluemarble.social.GuildBankLimits;
import org.bluemarble.social.Party;
import org.bluemarble.social.SocialList;

/**
 * How {@link PresenceSocial} reads the social entities' replies: a guild's, party's or social
 * list's reply becomes a {@link Result} (refused with the reason the client sees, or done), and a
 * guild or party summary becomes the {@link SocialPush} view clients get. Pure functions.
 */
final class SocialReplies {
  private SocialReplies() {}

  /**
   * What an action came to: refused ({@code reason} set) or done with {@code part} (a guild or
   * party summary, a report id, or null for the lists); {@code mine}: the player's lists when the
   * action changed them.
   */
  record Result(SocialPush.Reason reason, String message, Object part, SocialList.Summary mine) {
    static Result refused(SocialPush.Reason reason, String message) {
      return new Result(reason, message, null, null);
    }

    static Result of(Object part, SocialList.Summary mine) {
      return new Result(null, null, part, mine);
    }
  }

  static Result guildResult(Guild.Reply rep, Consumer<Guild.Summary> then) {
    if (rep instanceof Guild.Rejected x) {
      if (GuildBankLimits.DAILY_LIMIT.equals(x.reason())) {
        return Result.refused(SocialPush.Reason.DAILY_LIMIT, x.message());
      }
      boolean permission =
          x.message().contains(" may not ") || x.message().startsWith("not a member");
      return Result.refused(
          permission ? SocialPush.Reason.NOT_PERMITTED : SocialPush.Reason.REFUSED, x.message());
    }
    Guild.Summary s = (Guild.Summary) rep;
    then.accept(s);
    return Result.of(s, null);
  }

  static Result partyResult(Party.Reply rep, Consumer<Party.Summary> then) {
    if (rep instanceof Party.Rejected x) {
      return Result.refused(
          x.permission() ? SocialPush.Reason.NOT_PERMITTED : SocialPush.Reason.REFUSED,
          x.message());
    }
    Party.Summary s = (Party.Summary) rep;
    then.accept(s);
    return Result.of(s, null);
  }

  static Result listsResult(SocialList.Reply rep) {
    if (rep instanceof SocialList.Rejected x) {
      return Result.refused(SocialPush.Reason.REFUSED, x.message());
    }
    return Result.of(null, (SocialList.Summary) rep);
  }

  static SocialList.Summary summaryOrNull(SocialList.Reply rep) {
    return rep instanceof SocialList.Summary s ? s : null;
  }

  static SocialPush.Guild guildView(Guild.Summary s) {
    List<SocialPush.Member> members =
        s.members().entrySet().stream()
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, ?> e) -> s.members().get(e.getKey()).ordinal())
                    .thenComparing(Map.Entry::getKey))
            .map(e -> new SocialPush.Member(e.getKey(), e.getValue().name()))
            .toList();
    return new SocialPush.Guild(
        s.tag(), s.name(), members, s.invited().stream().sorted().toList(), s.motd());
  }

  static SocialPush.Party partyView(Party.Summary s) {
    return new SocialPush.Party(
        s.formed() ? s.partyId() : "",
        s.leader(),
        s.formed() ? s.members() : List.of(),
        s.invited().stream().sorted().toList());
  }
}
