package org.bluemarble.chat;

import static org.bluemarble.chat.SocialReplies.guildResult;
import static org.bluemarble.chat.SocialReplies.guildView;
import static org.bluemarble.chat.SocialReplies.listsResult;
import static org.bluemarble.chat.SocialReplies.partyResult;
import static org.bluemarble.chat.SocialReplies.partyView;
import static org.bluemarble.chat.SocialReplies.summaryOrNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.chat.SocialReplies.Result;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.social.Guild;
import org.bluemarble.social.Party;
import org.bluemarble.social.SocialList;

/**
 * The social side of one player's presence, run on the presence actor's thread (through {@link
 * PresenceChat}): carries out the player's {@link SocialAction}s against its {@link SocialList},
 * its {@link Guild} and its {@link Party} (asks whose outcomes come back through the chat inbox),
 * tells the other players concerned through the node's {@link ChatHub} ({@link SocialNote}s over
 * the chat topic), and turns the notes it receives into {@link SocialPush}es, hiding those of
 * ignored players. Keeps the player's lists, guild, party and which friends are online.
 */
final class PresenceSocial {

  private final ActorSystem<?> system;
  private final SocialAsks asks;
  private final String playerId;
  private final ActorRef<ChatInbox> inbox;
  private final ActorRef<ChatHub.Command> hub;
  private final Consumer<Set<String>> ignoring;
  private final boolean headless;
  private boolean loaded;
  private final Map<String, String> online = new HashMap<>();
  private String name;
  private Set<String> friends = Set.of();
  private Set<String> requests = Set.of();
  private Set<String> ignored = Set.of();
  private String guild = "";
  private String party = "";
  private final Set<String> shownNotices = new HashSet<>();

  /** The last lines the player heard (attached to its reports). */
  private final java.util.ArrayDeque<ChatEntry> heard = new java.util.ArrayDeque<>();

  /** The notifications kept while the player was away. */
  private record Kept(List<SocialNote.Notice> notices) {}

  /** The player's lists as read from its SocialList; {@code replay}: a note to look at again. */
  private record Loaded(SocialList.Summary lists, SocialNote replay) {}

  /** The outcome of action {@code correlationId}. */
  private record Done(
      long correlationId, SocialAction.Verb verb, Result result, Throwable failure) {}

  PresenceSocial(
      ActorSystem<?> system,
      String playerId,
      ActorRef<ChatInbox> inbox,
      ActorRef<ChatHub.Command> hub,
      Consumer<Set<String>> ignoring) {
    this(system, playerId, inbox, hub, ignoring, false);
  }

  /**
   * {@code headless}: acting for a player from outside the world (HTTP): its friends are not told
   * it came online, no notifications or group history are handed to it, and the hub is not told its
   * guild and party.
   */
  PresenceSocial(
      ActorSystem<?> system,
      String playerId,
      ActorRef<ChatInbox> inbox,
      ActorRef<ChatHub.Command> hub,
      Consumer<Set<String>> ignoring,
      boolean headless) {
    this.headless = headless;
    this.system = system;
    this.asks = new SocialAsks(system, playerId);
    this.playerId = playerId;
    this.inbox = inbox;
    this.hub = hub;
    this.ignoring = ignoring;
  }

  /** The player is in the world as {@code characterName}: load its lists, tell its friends. */
  void entered(String characterName) {
    name = characterName;
    load(null);
    if (headless) {
      return;
    }
    try {
      asks.<Notifications.Command, Notifications.Waiting>ask(
              Notifications.ENTITY_KEY, playerId, Notifications.Pending::new)
          .thenAccept(w -> inbox.tell(new ChatInbox.Social(new Kept(w.notices()))));
    } catch (RuntimeException e) {
      // No notifications on this node (tests of the world alone).
    }
  }

  /** The player left the world: its friends hear it. */
  void left() {
    if (name != null) {
      notify(friends, new SocialNote.FriendSeen(playerId, name, false, false));
      name = null;
      online.clear();
    }
  }

  private void load(SocialNote replay) {
    try {
      asks.mine(SocialList.Get::new)
          .thenAccept(
              reply -> {
                if (reply instanceof SocialList.Summary s) {
                  inbox.tell(new ChatInbox.Social(new Loaded(s, replay)));
                }
              });
    } catch (RuntimeException e) {
      // No SocialList on this node (tests of the world alone): no lists.
    }
  }

  /** A line the player heard (kept, bounded, as the context of a report). */
  void heard(ChatEntry entry) {
    heard.addLast(entry);
    while (heard.size() > 100) {
      heard.removeFirst();
    }
  }

  /** One action of the player; the answer goes to {@code listener}. */
  void act(long correlationId, SocialAction action, WorldListener listener) {
    if (listener == null) {
      return;
    }
    if (name == null) {
      listener.onSocial(
          new SocialPush.Refused(correlationId, SocialPush.Reason.INVALID, "not in the world yet"));
      return;
    }
    CompletionStage<Result> flow;
    try {
      flow = flow(action);
    } catch (RuntimeException e) {
      flow = CompletableFuture.failedFuture(e);
    }
    flow.whenComplete(
        (r, failure) ->
            inbox.tell(new ChatInbox.Social(new Done(correlationId, action.verb(), r, failure))));
  }

  /** A message of this class or a note from the hub, on the presence's thread. */
  void onMessage(Object message, WorldListener listener) {
    if (message instanceof Loaded l) {
      boolean first = l.replay() == null;
      apply(l.lists());
      loaded = true;
      if (first && name != null && !headless) {
        notify(friends, new SocialNote.FriendSeen(playerId, name, true, true));
      } else if (!first && friends.contains(l.replay().fromPlayerId())) {
        onNote(l.replay(), listener);
      }
    } else if (message instanceof Kept k) {
      k.notices().forEach(n -> onNote(n.asDelayed(), listener));
    } else if (message instanceof Done d) {
      done(d, listener);
    } else if (message instanceof SocialNote n) {
      onNote(n, listener);
    }
  }

  private void onNote(SocialNote note, WorldListener listener) {
    String from = note.fromPlayerId();
    if (from != null && ignored.contains(from)) {
      return;
    }
    SocialPush push = null;
    if (note instanceof SocialNote.FriendSeen f) {
      if (!friends.contains(from)) {
        // A friendship this presence has not heard of yet (just accepted): read the lists again.
        load(note);
        return;
      }
      if (f.online()) {
        online.put(from, f.name());
        if (f.answer() && name != null) {
          notify(Set.of(from), new SocialNote.FriendSeen(playerId, name, true, false));
        }
      } else {
        online.remove(from);
      }
      push = new SocialPush.FriendPresence(from, f.name(), f.online());
    } else if (note instanceof SocialNote.Invite i) {
      SocialPush.Invited.Kind kind = SocialPush.Invited.Kind.valueOf(i.kind());
      if (kind == SocialPush.Invited.Kind.FRIEND) {
        Set<String> r = new HashSet<>(requests);
        r.add(from);
        requests = Set.copyOf(r);
      }
      push = new SocialPush.Invited(kind, i.id(), from, i.fromName());
    } else if (note instanceof SocialNote.GuildNews g) {
      boolean member = g.guild() != null && g.guild().members().containsKey(playerId);
      if (member) {
        scopes(g.tag(), party);
      } else if (guild.equals(g.tag())) {
        scopes("", party);
      } else {
        return;
      }
      push = new SocialPush.GuildChanged(member ? guildView(g.guild()) : null);
    } else if (note instanceof SocialNote.PartyNews p) {
      boolean member =
          p.party() != null && p.party().formed() && p.party().members().contains(playerId);
      if (member) {
        scopes(guild, p.partyId());
      } else if (party.equals(p.partyId())) {
        scopes(guild, "");
      } else {
        return;
      }
      push = new SocialPush.PartyChanged(member ? partyView(p.party()) : null);
    } else if (note instanceof SocialNote.Notice n) {
      if (!shownNotices.add(n.id())) {
        return;
      }
      seen(n.id());
      push =
          new SocialPush.Notice(
              n.id(), n.kind(), n.text(), n.subjectId(), n.atMillis(), n.delayed());
    }
    if (push != null && listener != null) {
      listener.onSocial(push);
    }
  }

  private void done(Done d, WorldListener listener) {
    Result r = d.result();
    if (r != null && r.mine() != null) {
      apply(r.mine());
    }
    if (listener == null) {
      return;
    }
    if (d.failure() != null || r == null) {
      listener.onSocial(
          new SocialPush.Refused(
              d.correlationId(),
              SocialPush.Reason.REFUSED,
              "the social service did not answer in time; nothing may have changed, retry"));
      return;
    }
    if (r.reason() != null) {
      listener.onSocial(new SocialPush.Refused(d.correlationId(), r.reason(), r.message()));
      return;
    }
    String verb = d.verb().name();
    SocialPush.Lists lists = verb.startsWith("GUILD") || verb.startsWith("PARTY") ? null : lists();
    SocialPush.Guild g = r.part() instanceof Guild.Summary s ? guildView(s) : null;
    SocialPush.Party p = r.part() instanceof Party.Summary s ? partyView(s) : null;
    String report = r.part() instanceof String s ? s : "";
    SocialPush.Bank bank = r.part() instanceof SocialPush.Bank b ? b : null;
    listener.onSocial(
        new SocialPush.Answer(d.correlationId(), d.verb(), lists, g, p, report, bank));
  }

  // The actions

  private CompletionStage<Result> flow(SocialAction a) {
    String other = a.playerId();
    String me = name;
    String myGuild = guild;
    String myParty = party;
    if (!other.isEmpty() && other.equals(playerId) && a.verb() != SocialAction.Verb.LIST) {
      return done(Result.refused(SocialPush.Reason.INVALID, "player_id names yourself"));
    }
    return switch (a.verb()) {
      case FRIEND_REQUEST ->
          asks.<SocialList.Command, SocialList.Reply>ask(
                  SocialList.ENTITY_KEY, other, r -> new SocialList.RequestFriend(playerId, r))
              .thenApply(
                  rep -> {
                    if (rep instanceof SocialList.Rejected x) {
                      return Result.refused(SocialPush.Reason.REFUSED, x.message());
                    }
                    notify(Set.of(other), new SocialNote.Invite("FRIEND", "", playerId, me));
                    return Result.of(null, null);
                  });
      case FRIEND_ACCEPT ->
          asks.mine(r -> new SocialList.AcceptFriend(other, r))
              .thenApply(
                  rep -> {
                    Result res = listsResult(rep);
                    if (res.reason() == null) {
                      notify(Set.of(other), new SocialNote.FriendSeen(playerId, me, true, true));
                    }
                    return res;
                  });
      case FRIEND_REMOVE ->
          asks.mine(r -> new SocialList.RemoveFriend(other, r))
              .thenApply(SocialReplies::listsResult);
      case IGNORE ->
          asks.mine(r -> new SocialList.Ignore(other, r)).thenApply(SocialReplies::listsResult);
      case UNIGNORE ->
          asks.mine(r -> new SocialList.Unignore(other, r)).thenApply(SocialReplies::listsResult);
      case LIST -> asks.mine(SocialList.Get::new).thenApply(SocialReplies::listsResult);
      case GUILD_CREATE -> {
        if (!myGuild.isEmpty()) {
          yield done(refused("you are in guild " + myGuild + "; leave it first"));
        }
        yield asks.guild(a.guildTag(), r -> new Guild.Create(a.text(), playerId, r))
            .thenCompose(rep -> guildJoined(a.guildTag(), rep));
      }
      case GUILD_ACCEPT -> {
        if (!myGuild.isEmpty()) {
          yield done(refused("you are in guild " + myGuild + "; leave it first"));
        }
        yield asks.guild(a.guildTag(), r -> new Guild.Join(playerId, r))
            .thenCompose(rep -> guildJoined(a.guildTag(), rep));
      }
      case GUILD_INVITE ->
          asks.inGuild(myGuild, r -> new Guild.Invite(playerId, other, r))
              .thenApply(
                  rep ->
                      guildResult(
                          rep,
                          s ->
                              notify(
                                  Set.of(other),
                                  new SocialNote.Invite("GUILD", myGuild, playerId, me))));
      case GUILD_PROMOTE ->
          asks.inGuild(myGuild, r -> new Guild.Promote(playerId, other, r))
              .thenApply(rep -> guildResult(rep, s -> guildNews(s, Set.of())));
      case GUILD_DEMOTE ->
          asks.inGuild(myGuild, r -> new Guild.Demote(playerId, other, r))
              .thenApply(rep -> guildResult(rep, s -> guildNews(s, Set.of())));
      case GUILD_MOTD ->
          asks.inGuild(myGuild, r -> new Guild.SetMotd(playerId, a.text(), r))
              .thenApply(rep -> guildResult(rep, s -> guildNews(s, Set.of())));
      case GUILD_KICK ->
          asks.inGuild(myGuild, r -> new Guild.Kick(playerId, other, r))
              .thenApply(
                  rep ->
                      guildResult(
                          rep,
                          s -> {
                            asks.setGroup(other, SocialList.Group.GUILD, myGuild, false);
                            guildNews(s, Set.of(other));
                          }));
      case GUILD_LEAVE ->
          asks.inGuild(myGuild, r -> new Guild.Leave(playerId, r))
              .thenCompose(
                  rep -> {
                    Result res = guildResult(rep, s -> guildNews(s, Set.of()));
                    return res.reason() != null
                        ? done(res)
                        : withGroup(res, SocialList.Group.GUILD, myGuild, false);
                  });
      case GUILD_INFO ->
          asks.inGuild(myGuild, Guild.Get::new).thenApply(rep -> guildResult(rep, s -> {}));
      case GUILD_BANK_DEPOSIT, GUILD_BANK_WITHDRAW ->
          GuildBankFlow.move(asks, playerId, myGuild, a);
      case GUILD_BANK_INFO -> GuildBankFlow.info(asks, playerId, myGuild);
      case PARTY_INVITE -> {
        String pid = myParty.isEmpty() ? UUID.randomUUID().toString() : myParty;
        yield asks.party(pid, r -> new Party.Invite(playerId, other, r))
            .thenCompose(
                rep -> {
                  Result res =
                      partyResult(
                          rep,
                          s -> {
                            notify(
                                Set.of(other), new SocialNote.Invite("PARTY", pid, playerId, me));
                            partyNews(s, Set.of());
                          });
                  return res.reason() == null && myParty.isEmpty()
                      ? withGroup(res, SocialList.Group.PARTY, pid, true)
                      : done(res);
                });
      }
      case PARTY_ACCEPT -> {
        if (!myParty.isEmpty() && !myParty.equals(a.partyId())) {
          yield done(refused("you are in party " + myParty + "; leave it first"));
        }
        yield asks.party(a.partyId(), r -> new Party.Accept(playerId, r))
            .thenCompose(
                rep -> {
                  Result res = partyResult(rep, s -> partyNews(s, Set.of()));
                  return res.reason() != null
                      ? done(res)
                      : withGroup(res, SocialList.Group.PARTY, a.partyId(), true);
                });
      }
      case PARTY_LEAVE ->
          asks.inParty(myParty, r -> new Party.Leave(playerId, r))
              .thenCompose(
                  rep -> {
                    Result res = partyResult(rep, s -> partyNews(s, Set.of()));
                    boolean gone =
                        res.reason() == null
                            || (rep instanceof Party.Rejected x && !x.permission());
                    return gone
                        ? withGroup(res, SocialList.Group.PARTY, myParty, false)
                        : done(res);
                  });
      case PARTY_KICK ->
          asks.inParty(myParty, r -> new Party.Kick(playerId, other, r))
              .thenApply(
                  rep ->
                      partyResult(
                          rep,
                          s -> {
                            asks.setGroup(other, SocialList.Group.PARTY, myParty, false);
                            partyNews(s, Set.of(other));
                          }));
      case PARTY_LEADER ->
          asks.inParty(myParty, r -> new Party.SetLeader(playerId, other, r))
              .thenApply(rep -> partyResult(rep, s -> partyNews(s, Set.of())));
      case PARTY_INFO ->
          asks.inParty(myParty, Party.Get::new).thenApply(rep -> partyResult(rep, s -> {}));
      case REPORT -> {
        List<ChatEntry> lines = heard.stream().filter(e -> other.equals(e.fromPlayerId())).toList();
        yield asks.<Moderation.Command, Moderation.Report>ask(
                Moderation.ENTITY_KEY,
                Moderation.ID,
                r -> new Moderation.FileReport(playerId, other, a.text(), lines, r))
            .thenApply(rep -> Result.of(rep.id(), null));
      }
    };
  }

  private CompletionStage<Result> guildJoined(String tag, Guild.Reply rep) {
    Result res = guildResult(rep, s -> guildNews(s, Set.of()));
    return res.reason() != null ? done(res) : withGroup(res, SocialList.Group.GUILD, tag, true);
  }

  /**
   * {@code res} with the player's lists after recording that it joined or left {@code group} {@code
   * id} in its social list (its guild and party are kept there).
   */
  private CompletionStage<Result> withGroup(
      Result res, SocialList.Group group, String id, boolean member) {
    return asks.mine(r -> new SocialList.SetGroup(group, id, member, r))
        .thenApply(m -> new Result(res.reason(), res.message(), res.part(), summaryOrNull(m)));
  }

  private static Result refused(String message) {
    return Result.refused(SocialPush.Reason.REFUSED, message);
  }

  private static CompletionStage<Result> done(Result r) {
    return CompletableFuture.completedFuture(r);
  }

  private void guildNews(Guild.Summary s, Set<String> also) {
    Set<String> to = new HashSet<>(s.members().keySet());
    to.addAll(also);
    to.remove(playerId);
    notify(to, new SocialNote.GuildNews(playerId, s.tag(), s));
  }

  private void partyNews(Party.Summary s, Set<String> also) {
    Set<String> to = new HashSet<>(s.members());
    to.addAll(s.invited());
    to.addAll(also);
    to.remove(playerId);
    notify(to, new SocialNote.PartyNews(playerId, s.partyId(), s));
  }

  private void notify(Set<String> to, SocialNote note) {
    if (!to.isEmpty()) {
      hub.tell(new ChatHub.Notify(Set.copyOf(to), note));
    }
  }

  /** Tells the player's notifications that {@code id} was shown. */
  private void seen(String id) {
    try {
      ClusterSharding.get(system)
          .entityRefFor(Notifications.ENTITY_KEY, playerId)
          .tell(new Notifications.Seen(List.of(id), system.ignoreRef()));
    } catch (RuntimeException e) {
      // No notifications on this node.
    }
  }

  // State and views

  private void apply(SocialList.Summary s) {
    friends = Set.copyOf(s.friends());
    requests = Set.copyOf(s.requests());
    online.keySet().retainAll(friends);
    if (!s.ignored().equals(ignored)) {
      ignored = Set.copyOf(s.ignored());
      ignoring.accept(ignored);
    }
    scopes(s.guild() == null ? "" : s.guild(), s.party() == null ? "" : s.party());
  }

  private void scopes(String g, String p) {
    if (headless) {
      guild = g;
      party = p;
      return;
    }
    if (!g.equals(guild) || !p.equals(party)) {
      if (!g.isEmpty() && !g.equals(guild)) {
        replay(org.bluemarble.edge.port.ChatLine.Channel.GUILD, g);
      }
      if (!p.isEmpty() && !p.equals(party)) {
        replay(org.bluemarble.edge.port.ChatLine.Channel.PARTY, p);
      }
      guild = g;
      party = p;
      hub.tell(new ChatHub.Scopes(playerId, g, p));
    }
  }

  /** Replays a group's kept lines to the player (marked delayed). */
  private void replay(org.bluemarble.edge.port.ChatLine.Channel channel, String scope) {
    asks.<GroupHistory.Command, GroupHistory.Lines>ask(
            GroupHistory.ENTITY_KEY, GroupHistory.key(channel, scope), GroupHistory.Recent::new)
        .thenAccept(
            lines -> lines.lines().forEach(e -> inbox.tell(new ChatInbox.Deliver(e.asDelayed()))));
  }

  /** Whether the player's lists were read. */
  boolean loaded() {
    return loaded;
  }

  /** The player's guild tag, empty when none. */
  String guild() {
    return guild;
  }

  /** The player's party id, empty when none. */
  String party() {
    return party;
  }

  private SocialPush.Lists lists() {
    List<SocialPush.Friend> f = new ArrayList<>();
    friends.stream()
        .sorted()
        .forEach(
            id ->
                f.add(
                    new SocialPush.Friend(
                        id, online.containsKey(id), online.getOrDefault(id, ""))));
    return new SocialPush.Lists(
        f, requests.stream().sorted().toList(), ignored.stream().sorted().toList(), guild, party);
  }
}
