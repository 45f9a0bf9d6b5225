package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.chat.ChatEntry;
import org.bluemarble.chat.GroupHistory;
import org.bluemarble.chat.Moderation;
import org.bluemarble.chat.Notifications;
import org.bluemarble.protocol.events.v1.ChatEvent;
import org.bluemarble.protocol.events.v1.ChatMuteChanged;
import org.bluemarble.protocol.events.v1.ChatReportFiled;
import org.bluemarble.protocol.events.v1.ChatReportResolved;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.GroupChatLine;
import org.bluemarble.protocol.events.v1.GuildBankMove;
import org.bluemarble.protocol.events.v1.GuildCreated;
import org.bluemarble.protocol.events.v1.GuildMember;
import org.bluemarble.protocol.events.v1.GuildMotdSet;
import org.bluemarble.protocol.events.v1.GuildRankChanged;
import org.bluemarble.protocol.events.v1.NotificationKept;
import org.bluemarble.protocol.events.v1.NotificationsSeen;
import org.bluemarble.protocol.events.v1.PartyMember;
import org.bluemarble.protocol.events.v1.SocialGroupSet;
import org.bluemarble.protocol.events.v1.SocialLink;
import org.bluemarble.social.Guild;
import org.bluemarble.social.Party;
import org.bluemarble.social.SocialList;

/** Guilds, parties, players' friend and ignore lists, group chat history (topic {@code chat}). */
final class SocialEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.CHAT;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(
        Guild.Event.class,
        SocialList.Event.class,
        Party.Event.class,
        GroupHistory.Event.class,
        Notifications.Event.class,
        Moderation.Event.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    ChatEvent.Builder b = ChatEvent.newBuilder();
    if (event instanceof Guild.Event e) {
      guild(e, b);
    } else if (event instanceof SocialList.Event e) {
      social(e, b);
    } else if (event instanceof Party.Event e) {
      party(e, b);
    } else if (event instanceof GroupHistory.LineKept e) {
      b.setGroupLine(line(e.entry()));
    } else if (event instanceof Moderation.ReportFiled e) {
      ChatReportFiled.Builder r =
          ChatReportFiled.newBuilder()
              .setReportId(str(e.report().id()))
              .setReporterId(str(e.report().reporterId()))
              .setReportedId(str(e.report().reportedId()))
              .setReason(str(e.report().reason()))
              .setAtMs(ms(e.report().at()));
      e.report().lines().forEach(l -> r.addLines(line(l)));
      b.setReportFiled(r);
    } else if (event instanceof Moderation.ReportResolved e) {
      b.setReportResolved(
          ChatReportResolved.newBuilder()
              .setReportId(str(e.reportId()))
              .setAction(str(e.action()))
              .setBy(str(e.by()))
              .setNote(str(e.note()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Moderation.MuteChanged e) {
      b.setMuteChanged(
          ChatMuteChanged.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setUntilMs(e.until() == null ? 0 : ms(e.until()))
              .setReason(str(e.reason()))
              .setBy(str(e.by()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Notifications.NoticeKept e) {
      b.setNotificationKept(
          NotificationKept.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setId(str(e.notice().id()))
              .setKind(str(e.notice().kind()))
              .setText(str(e.notice().text()))
              .setSubjectId(str(e.notice().subjectId()))
              .setAtMs(e.notice().atMillis()));
    } else if (event instanceof Notifications.NoticesSeen e) {
      b.setNotificationsSeen(
          NotificationsSeen.newBuilder().setPlayerId(str(e.playerId())).addAllIds(e.ids()));
    } else {
      throw ProtoValues.unknown(event);
    }
    into.setChat(b);
  }

  private static void guild(Guild.Event event, ChatEvent.Builder b) {
    if (event instanceof Guild.GuildCreated e) {
      b.setGuildCreated(
          GuildCreated.newBuilder()
              .setTag(str(e.tag()))
              .setName(str(e.name()))
              .setLeaderId(str(e.leaderId()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Guild.MemberInvited e) {
      b.setGuildMemberInvited(member(e.tag(), e.playerId(), e.by()));
    } else if (event instanceof Guild.MemberJoined e) {
      b.setGuildMemberJoined(member(e.tag(), e.playerId(), null));
    } else if (event instanceof Guild.MemberLeft e) {
      b.setGuildMemberLeft(member(e.tag(), e.playerId(), null));
    } else if (event instanceof Guild.MemberKicked e) {
      b.setGuildMemberKicked(member(e.tag(), e.playerId(), e.by()));
    } else if (event instanceof Guild.RankChanged e) {
      b.setGuildRankChanged(
          GuildRankChanged.newBuilder()
              .setTag(str(e.tag()))
              .setPlayerId(str(e.playerId()))
              .setRank(str(e.rank()))
              .setBy(str(e.by())));
    } else if (event instanceof Guild.MotdSet e) {
      b.setGuildMotdSet(
          GuildMotdSet.newBuilder().setTag(str(e.tag())).setMotd(str(e.motd())).setBy(str(e.by())));
    } else if (event instanceof Guild.BankMoveStarted e) {
      b.setGuildBankMoveStarted(
          GuildBankMove.newBuilder()
              .setTag(str(e.tag()))
              .setMoveId(str(e.moveId()))
              .setStage("STARTED")
              .setPlayerId(str(e.playerId()))
              .setKind(str(e.kind()))
              .setCopper(e.copper())
              .addAllItems(ProtoValues.items(e.items()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Guild.BankMoveTaken e) {
      b.setGuildBankMoveTaken(
          GuildBankMove.newBuilder()
              .setTag(str(e.tag()))
              .setMoveId(str(e.moveId()))
              .setStage("TAKEN"));
    } else if (event instanceof Guild.BankMoveEnded e) {
      b.setGuildBankMoveEnded(
          GuildBankMove.newBuilder()
              .setTag(str(e.tag()))
              .setMoveId(str(e.moveId()))
              .setStage("ENDED")
              .setPlayerId(str(e.playerId()))
              .setDone(e.done())
              .setReason(str(e.reason()))
              .setAtMs(ms(e.at())));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static GuildMember member(String tag, String playerId, String by) {
    return GuildMember.newBuilder()
        .setTag(str(tag))
        .setPlayerId(str(playerId))
        .setBy(str(by))
        .build();
  }

  private static void social(SocialList.Event event, ChatEvent.Builder b) {
    if (event instanceof SocialList.FriendRequested e) {
      b.setFriendRequested(link(e.playerId(), e.from()));
    } else if (event instanceof SocialList.FriendAdded e) {
      b.setFriendAdded(link(e.playerId(), e.friend()));
    } else if (event instanceof SocialList.FriendRemoved e) {
      b.setFriendRemoved(link(e.playerId(), e.other()));
    } else if (event instanceof SocialList.PlayerIgnored e) {
      b.setPlayerIgnored(link(e.playerId(), e.other()));
    } else if (event instanceof SocialList.PlayerUnignored e) {
      b.setPlayerUnignored(link(e.playerId(), e.other()));
    } else if (event instanceof SocialList.GroupSet e) {
      b.setGroupSet(
          SocialGroupSet.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setGroup(str(e.group()))
              .setId(str(e.id())));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static void party(Party.Event event, ChatEvent.Builder b) {
    if (event instanceof Party.PartyFormed e) {
      b.setPartyFormed(party(e.partyId(), e.leaderId(), null));
    } else if (event instanceof Party.PlayerInvited e) {
      b.setPartyInvited(party(e.partyId(), e.playerId(), e.by()));
    } else if (event instanceof Party.PlayerJoined e) {
      b.setPartyJoined(party(e.partyId(), e.playerId(), null));
    } else if (event instanceof Party.PlayerLeft e) {
      b.setPartyLeft(party(e.partyId(), e.playerId(), e.by()));
    } else if (event instanceof Party.LeaderChanged e) {
      b.setPartyLeaderChanged(party(e.partyId(), e.leaderId(), null));
    } else if (event instanceof Party.PartyDisbanded e) {
      b.setPartyDisbanded(party(e.partyId(), null, null));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static GroupChatLine line(ChatEntry e) {
    return GroupChatLine.newBuilder()
        .setChannel(str(e.channel()))
        .setScope(str(e.scope()))
        .setFromPlayerId(str(e.fromPlayerId()))
        .setText(str(e.text()))
        .setSentAtMs(e.sentAtMillis())
        .setSequence(e.sequence())
        .build();
  }

  private static PartyMember party(String partyId, String playerId, String by) {
    return PartyMember.newBuilder()
        .setPartyId(str(partyId))
        .setPlayerId(str(playerId))
        .setBy(str(by))
        .build();
  }

  private static SocialLink link(String playerId, String other) {
    return SocialLink.newBuilder().setPlayerId(str(playerId)).setOtherId(str(other)).build();
  }
}
