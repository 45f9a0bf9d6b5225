package org.bluemarble.edge.session;

import java.util.Locale;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.Friend;
import org.bluemarble.protocol.v1.FriendPresence;
import org.bluemarble.protocol.v1.GuildBankInfo;
import org.bluemarble.protocol.v1.GuildInfo;
import org.bluemarble.protocol.v1.GuildMemberInfo;
import org.bluemarble.protocol.v1.Invitation;
import org.bluemarble.protocol.v1.ItemAmount;
import org.bluemarble.protocol.v1.Notification;
import org.bluemarble.protocol.v1.NotificationKind;
import org.bluemarble.protocol.v1.PartyInfo;
import org.bluemarble.protocol.v1.PartyMemberState;
import org.bluemarble.protocol.v1.PartyUpdate;
import org.bluemarble.protocol.v1.SocialLists;
import org.bluemarble.protocol.v1.SocialReply;
import org.bluemarble.protocol.v1.SocialRequest;
import org.bluemarble.protocol.v1.SocialUpdate;
import org.bluemarble.protocol.v1.SocialVerb;

/**
 * Social messages on the client wire, in one place: {@code SocialRequest} → {@link SocialAction} to
 * the presence, and {@link SocialPush} → {@code SocialReply}, {@code SocialUpdate} or {@code
 * Error}. Only a request that cannot be an action at all is refused here; the rules are the
 * world's.
 */
final class SocialMessages {
  private SocialMessages() {}

  /**
   * Hands a received SocialRequest to the presence.
   *
   * @throws ProtocolException CODE_INVALID_INPUT for a missing verb or a missing argument
   */
  static void handle(Presence presence, long correlationId, SocialRequest request) {
    presence.social(correlationId, actionOf(request));
  }

  static SocialAction actionOf(SocialRequest r) {
    if (r.getVerb() == SocialVerb.SOCIAL_VERB_UNSPECIFIED
        || r.getVerb() == SocialVerb.UNRECOGNIZED) {
      throw invalid("social_request.verb must be set (got " + r.getVerb() + ")");
    }
    SocialAction.Verb verb =
        SocialAction.Verb.valueOf(r.getVerb().name().substring("SOCIAL_VERB_".length()));
    SocialAction action =
        new SocialAction(
            verb,
            r.getPlayerId(),
            r.getGuildTag(),
            r.getText(),
            r.getPartyId(),
            r.getCopper(),
            r.getItemsList().stream()
                .map(i -> new SocialAction.Item(i.getItemId(), i.getQuantity()))
                .toList(),
            r.getMoveId());
    if (action.text().length() > 500) {
      throw invalid("social_request.text must be at most 500 characters");
    }
    switch (verb) {
      case FRIEND_REQUEST,
          FRIEND_ACCEPT,
          FRIEND_REMOVE,
          IGNORE,
          UNIGNORE,
          GUILD_INVITE,
          GUILD_PROMOTE,
          GUILD_DEMOTE,
          GUILD_KICK,
          PARTY_INVITE,
          PARTY_KICK,
          PARTY_LEADER,
          REPORT ->
          require(action.playerId(), "player_id", verb);
      case GUILD_CREATE -> {
        require(action.guildTag(), "guild_tag", verb);
        require(action.text(), "text (the guild's name)", verb);
      }
      case GUILD_ACCEPT -> require(action.guildTag(), "guild_tag", verb);
      case PARTY_ACCEPT -> require(action.partyId(), "party_id", verb);
      case GUILD_BANK_DEPOSIT, GUILD_BANK_WITHDRAW -> {
        if (action.missingArgument() != null) {
          throw invalid("social_request needs " + action.missingArgument() + " for " + verb);
        }
      }
      default -> {}
    }
    return action;
  }

  private static void require(String value, String field, SocialAction.Verb verb) {
    if (value.isBlank()) {
      throw invalid("social_request." + field + " is required for " + verb);
    }
  }

  private static ProtocolException invalid(String message) {
    return new ProtocolException(Error.Code.CODE_INVALID_INPUT, message);
  }

  /** The envelope for a push. */
  static Envelope toEnvelope(SocialPush push) {
    Envelope.Builder e = Envelope.newBuilder();
    if (push instanceof SocialPush.Answer a) {
      SocialReply.Builder r =
          SocialReply.newBuilder().setVerb(verbOf(a.verb())).setReportId(nz(a.reportId()));
      if (a.lists() != null) {
        r.setLists(lists(a.lists()));
      }
      if (a.guild() != null) {
        r.setGuild(guild(a.guild()));
      }
      if (a.party() != null) {
        r.setParty(party(a.party()));
      }
      if (a.bank() != null) {
        r.setBank(bank(a.bank()));
      }
      return e.setCorrelationId(a.correlationId()).setSocialReply(r).build();
    }
    if (push instanceof SocialPush.Refused f) {
      Error.Code code =
          switch (f.reason()) {
            case INVALID -> Error.Code.CODE_INVALID_INPUT;
            case REFUSED -> Error.Code.CODE_SOCIAL_REFUSED;
            case NOT_PERMITTED -> Error.Code.CODE_SOCIAL_NOT_PERMITTED;
            case DAILY_LIMIT -> Error.Code.CODE_SOCIAL_DAILY_LIMIT;
          };
      return e.setCorrelationId(f.correlationId())
          .setError(
              Error.newBuilder().setCode(code).setMessage(f.message()).setReason(f.reason().name()))
          .build();
    }
    if (push instanceof SocialPush.PartyUpdate p) {
      return e.setPartyUpdate(partyUpdate(p)).build();
    }
    SocialUpdate.Builder u = SocialUpdate.newBuilder();
    if (push instanceof SocialPush.FriendPresence p) {
      u.setFriendPresence(
          FriendPresence.newBuilder()
              .setPlayerId(p.playerId())
              .setName(nz(p.name()))
              .setOnline(p.online()));
    } else if (push instanceof SocialPush.Invited i) {
      Invitation inv =
          Invitation.newBuilder()
              .setId(nz(i.id()))
              .setFromPlayerId(i.fromPlayerId())
              .setFromName(nz(i.fromName()))
              .build();
      switch (i.kind()) {
        case FRIEND -> u.setFriendRequest(inv);
        case GUILD -> u.setGuildInvite(inv);
        case PARTY -> u.setPartyInvite(inv);
      }
    } else if (push instanceof SocialPush.GuildChanged g) {
      u.setGuildChanged(g.guild() == null ? GuildInfo.getDefaultInstance() : guild(g.guild()));
    } else if (push instanceof SocialPush.PartyChanged p) {
      u.setPartyChanged(p.party() == null ? PartyInfo.getDefaultInstance() : party(p.party()));
    } else if (push instanceof SocialPush.Notice n) {
      u.setNotification(
          Notification.newBuilder()
              .setId(n.id())
              .setKind(kindOf(n.kind()))
              .setText(n.text())
              .setSubjectId(nz(n.subjectId()))
              .setAtMs(n.atMillis())
              .setDelayed(n.delayed()));
    }
    return e.setSocialUpdate(u).build();
  }

  static SocialVerb verbOf(SocialAction.Verb verb) {
    return SocialVerb.valueOf("SOCIAL_VERB_" + verb.name());
  }

  private static NotificationKind kindOf(String kind) {
    try {
      return NotificationKind.valueOf("NOTIFICATION_KIND_" + kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return NotificationKind.NOTIFICATION_KIND_UNSPECIFIED;
    }
  }

  private static SocialLists lists(SocialPush.Lists l) {
    SocialLists.Builder b =
        SocialLists.newBuilder()
            .addAllRequests(l.requests())
            .addAllIgnored(l.ignored())
            .setGuildTag(nz(l.guildTag()))
            .setPartyId(nz(l.partyId()));
    l.friends()
        .forEach(
            f ->
                b.addFriends(
                    Friend.newBuilder()
                        .setPlayerId(f.playerId())
                        .setOnline(f.online())
                        .setName(nz(f.name()))));
    return b.build();
  }

  private static GuildBankInfo bank(SocialPush.Bank b) {
    GuildBankInfo.Builder g =
        GuildBankInfo.newBuilder()
            .setTag(nz(b.tag()))
            .setCopper(b.copper())
            .setMoveId(nz(b.moveId()))
            .setSettled(b.settled());
    b.items()
        .forEach(
            i ->
                g.addItems(
                    ItemAmount.newBuilder().setItemId(i.itemId()).setQuantity(i.quantity())));
    return g.build();
  }

  private static GuildInfo guild(SocialPush.Guild g) {
    GuildInfo.Builder b =
        GuildInfo.newBuilder()
            .setTag(nz(g.tag()))
            .setName(nz(g.name()))
            .addAllInvited(g.invited())
            .setMotd(nz(g.motd()));
    g.members()
        .forEach(
            m ->
                b.addMembers(
                    GuildMemberInfo.newBuilder().setPlayerId(m.playerId()).setRank(m.rank())));
    return b.build();
  }

  private static PartyInfo party(SocialPush.Party p) {
    return PartyInfo.newBuilder()
        .setPartyId(nz(p.partyId()))
        .setLeaderId(nz(p.leaderId()))
        .addAllMembers(p.members())
        .addAllInvited(p.invited())
        .build();
  }

  private static PartyUpdate partyUpdate(SocialPush.PartyUpdate p) {
    PartyUpdate.Builder b = PartyUpdate.newBuilder().setPartyId(nz(p.partyId()));
    for (SocialPush.MateState m : p.mates()) {
      b.addMembers(
          PartyMemberState.newBuilder()
              .setPlayerId(m.playerId())
              .setName(nz(m.name()))
              .setLatitudeDeg(m.latitudeDeg())
              .setLongitudeDeg(m.longitudeDeg())
              .setAltitudeM(m.altitudeMeters())
              .setHealth(m.health())
              .setMaxHealth(m.maxHealth())
              .setAtMs(m.atMillis()));
    }
    return b.build();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
