package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.chat.GroupHistory;
import org.bluemarble.protocol.events.v1.ChatEvent;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.GroupChatLine;
import org.bluemarble.protocol.events.v1.GuildCreated;
import org.bluemarble.protocol.events.v1.GuildMember;
import org.bluemarble.protocol.events.v1.GuildMotdSet;
import org.bluemarble.protocol.events.v1.GuildRankChanged;
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
        Guild.Event.class, SocialList.Event.class, Party.Event.class, GroupHistory.Event.class);
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
      b.setGroupLine(
          GroupChatLine.newBuilder()
              .setChannel(str(e.entry().channel()))
              .setScope(str(e.entry().scope()))
              .setFromPlayerId(str(e.entry().fromPlayerId()))
              .setText(str(e.entry().text()))
              .setSentAtMs(e.entry().sentAtMillis())
              .setSequence(e.entry().sequence()));
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
