package org.bluemarble.chat;

import com.google.common.geometry.S2CellId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.ChatPush;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.zone.ZoneCell;

/**
 * The chat side of one player's presence, run on the presence actor's thread: checks and numbers
 * the player's lines (length, flood limit, word filter) and hands them to the node's {@link
 * ChatHub}; registers the player there while it is in the world; and passes lines for the player to
 * its connection unless the player ignores the speaker.
 */
public final class PresenceChat {
  private final ActorSystem<?> system;
  private final ChatService chat;
  private final String playerId;
  private final ActorRef<ChatInbox> inbox;
  private final double planetRadiusMeters;
  private final TokenBucket bucket;
  private final Set<String> ignored = new HashSet<>();
  private final PresenceSocial social;
  private String name;
  private String region;
  private long sequence;
  private java.util.function.Supplier<PlayPosition> position = () -> null;
  // Written on the presence's thread, read on the hub's (PartyPositions.Source).
  private volatile int health;
  private volatile int maxHealth;

  /**
   * @param inbox where the hub answers (an adapter of the presence actor)
   */
  public PresenceChat(
      ActorSystem<?> system, String playerId, ActorRef<ChatInbox> inbox, double planetRadius) {
    this.system = system;
    this.chat = ChatService.get(system);
    this.playerId = playerId;
    this.inbox = inbox;
    this.planetRadiusMeters = planetRadius;
    ChatSettings s = chat.settings();
    this.bucket = new TokenBucket(s.ratePerSecond(), s.burst(), System.nanoTime());
    this.social = new PresenceSocial(system, playerId, inbox, chat.hub(), this::ignoring);
  }

  /** The player is in the world as {@code characterName}, in zone cell {@code cellId}. */
  public void entered(String characterName, String cellId) {
    name = characterName == null ? playerId : characterName;
    region = regionOf(cellId);
    chat.hub().tell(new ChatHub.Register(playerId, name, region, inbox, this::where));
    // Loads the player's SocialList (ignore list, guild, party) and tells its friends.
    social.entered(name);
  }

  /**
   * Where the character stands, read by the node's hub (on its thread) for the player's party
   * mates; thread-safe.
   */
  public void locatedBy(java.util.function.Supplier<PlayPosition> source) {
    position = source;
  }

  /** The cell reported health and mana; the character's own ({@code entityId}) is kept. */
  public void vitals(
      List<org.bluemarble.zone.SessionEvent.CombatFeed.Vital> vitals, long entityId) {
    for (org.bluemarble.zone.SessionEvent.CombatFeed.Vital v : vitals) {
      if (v.entityId() == entityId) {
        health = v.health();
        maxHealth = v.maxHealth();
      }
    }
  }

  private PartyPositions.Where where() {
    PlayPosition p = position.get();
    return p == null
        ? null
        : new PartyPositions.Where(
            p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters(), health, maxHealth);
  }

  /** One social action of the player (friends, ignore, guild, party, report). */
  public void social(long correlationId, SocialAction action, WorldListener listener) {
    social.act(correlationId, action, listener);
  }

  /** The player is now simulated by {@code cellId}. */
  public void moved(String cellId) {
    String r = regionOf(cellId);
    if (name != null && !r.equals(region)) {
      region = r;
      chat.hub().tell(new ChatHub.Moved(playerId, r));
    }
  }

  /** The player left the world. */
  public void left() {
    if (name != null) {
      social.left();
      chat.hub().tell(new ChatHub.Unregister(playerId, inbox));
      name = null;
    }
  }

  /** Replaces the ignore list (player ids whose lines are hidden). */
  public void ignoring(Set<String> playerIds) {
    ignored.clear();
    ignored.addAll(playerIds);
  }

  /**
   * One line the player says at {@code position} in cell {@code cellId}; refusals go straight to
   * {@code listener}.
   */
  public void send(
      long correlationId,
      ChatLine line,
      PlayPosition position,
      String cellId,
      WorldListener listener) {
    if (listener == null) {
      return;
    }
    String text = line.text().strip();
    ChatSettings s = chat.settings();
    if (name == null || cellId == null || position == null) {
      refuse(listener, correlationId, ChatPush.Reason.INVALID, "not in the world yet", 0);
      return;
    }
    if (text.isEmpty() || text.codePointCount(0, text.length()) > s.maxLength()) {
      refuse(
          listener,
          correlationId,
          ChatPush.Reason.INVALID,
          "text must be 1-" + s.maxLength() + " characters, was " + text.length(),
          0);
      return;
    }
    if (line.channel() == ChatLine.Channel.SYSTEM) {
      refuse(listener, correlationId, ChatPush.Reason.INVALID, "players cannot send on SYSTEM", 0);
      return;
    }
    String group =
        line.channel() == ChatLine.Channel.PARTY
            ? social.party()
            : line.channel() == ChatLine.Channel.GUILD ? social.guild() : "";
    if ((line.channel() == ChatLine.Channel.PARTY || line.channel() == ChatLine.Channel.GUILD)
        && group.isEmpty()) {
      refuse(
          listener,
          correlationId,
          ChatPush.Reason.NOT_A_MEMBER,
          "not in a " + line.channel().name().toLowerCase(java.util.Locale.ROOT),
          0);
      return;
    }
    long wait = bucket.take(System.nanoTime());
    if (wait > 0) {
      refuse(
          listener,
          correlationId,
          ChatPush.Reason.RATE_LIMITED,
          "more than " + s.ratePerSecond() + " chat lines per second",
          wait);
      return;
    }
    String scope = line.channel() == ChatLine.Channel.TRADE ? region : group;
    ChatEntry entry =
        new ChatEntry(
            line.channel(),
            scope,
            playerId,
            name,
            chat.filter().mask(text),
            System.currentTimeMillis(),
            line.channel() == ChatLine.Channel.WHISPER ? line.toName() : "",
            ++sequence,
            false);
    ChatHub.SayRoute say = null;
    if (line.channel() == ChatLine.Channel.SAY || line.channel() == ChatLine.Channel.YELL) {
      double meters =
          line.channel() == ChatLine.Channel.SAY ? s.sayRadiusMeters() : s.yellRadiusMeters();
      double radians = meters / planetRadiusMeters;
      double lat = position.latitudeDeg();
      double lng = position.longitudeDeg();
      ClusterSharding sharding = ClusterSharding.get(system);
      say =
          e ->
              sharding
                  .entityRefFor(ZoneCell.ENTITY_KEY, cellId)
                  .tell(new ZoneCell.Say(e, lat, lng, radians, false));
    }
    chat.hub().tell(new ChatHub.Send(entry, correlationId, inbox, say, TraceMdc.inMdc()));
  }

  /** A line for the player, from its cell or the hub. */
  public void heard(ChatEntry entry, WorldListener listener) {
    social.heard(entry);
    if (listener != null && !ignored.contains(entry.fromPlayerId())) {
      listener.onChat(entry.toPush());
    }
  }

  /** A message from the hub. */
  public void fromHub(ChatInbox message, WorldListener listener) {
    if (message instanceof ChatInbox.Deliver d) {
      heard(d.entry(), listener);
    } else if (message instanceof ChatInbox.Answer a && listener != null) {
      listener.onChat(a.push());
    } else if (message instanceof ChatInbox.Ignoring i) {
      ignoring(i.playerIds());
    } else if (message instanceof ChatInbox.Social s) {
      social.onMessage(s.message(), listener);
    } else if (message instanceof ChatInbox.Mates m && listener != null) {
      listener.onSocial(m.update());
    }
  }

  private static void refuse(
      WorldListener listener, long id, ChatPush.Reason reason, String why, long retryMs) {
    listener.onChat(new ChatPush.Refused(id, reason, why, retryMs));
  }

  private String regionOf(String cellId) {
    if (cellId == null) {
      return "";
    }
    S2CellId cell = S2CellId.fromToken(cellId);
    int level = Math.min(chat.settings().tradeRegionLevel(), cell.level());
    return cell.parent(level).toToken();
  }
}
