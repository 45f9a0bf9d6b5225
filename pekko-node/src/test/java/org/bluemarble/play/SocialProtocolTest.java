package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.assertj.core.api.ThrowingConsumer;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatMessage;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.ItemAmount;
import org.bluemarble.protocol.v1.PartyMemberState;
import org.bluemarble.protocol.v1.PartyUpdate;
import org.bluemarble.protocol.v1.SocialReply;
import org.bluemarble.protocol.v1.SocialRequest;
import org.bluemarble.protocol.v1.SocialUpdate;
import org.bluemarble.protocol.v1.SocialVerb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference clients manage friends, ignore lists, guilds and parties on a real node over WebSocket
 * and UDP: a friend request is pushed and accepted, friends see each other come and go, ignoring
 * hides invitations, a guild is founded, joined, ranked and chatted in, a party is formed, chatted
 * in, handed over and left, and refusals carry their codes.
 */
class SocialProtocolTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;

  @BeforeAll
  static void startNode() {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Records the social updates and chat lines a client receives. */
  static final class Heard implements ClientListener {
    final List<SocialUpdate> updates = new CopyOnWriteArrayList<>();
    final List<ChatMessage> lines = new CopyOnWriteArrayList<>();
    final List<PartyUpdate> party = new CopyOnWriteArrayList<>();

    @Override
    public void onSocial(SocialUpdate update) {
      updates.add(update);
    }

    @Override
    public void onPartyUpdate(PartyUpdate update) {
      party.add(update);
    }

    @Override
    public void onChat(ChatMessage message) {
      lines.add(message);
    }

    List<String> texts(ChatChannel channel) {
      return lines.stream()
          .filter(m -> m.getChannel() == channel)
          .map(ChatMessage::getText)
          .toList();
    }
  }

  private record In(PlayWorld.Player player, BlueMarbleClient client, Heard heard) {
    String id() {
      return player.playerId();
    }
  }

  private static In enter(String name) throws Exception {
    PlayWorld.Player p = world.newPlayer(name);
    Heard heard = new Heard();
    BlueMarbleClient client = world.webSocket(p, heard);
    client.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
    return new In(p, client, heard);
  }

  /** Waits until {@code who} has heard a social update that passes {@code check}. */
  private static void awaitHeard(In who, ThrowingConsumer<SocialUpdate> check) {
    await()
        .atMost(PlayWorld.WAIT)
        .untilAsserted(() -> assertThat(who.heard().updates).anySatisfy(check));
  }

  private static SocialReply ok(CompletableFuture<SocialReply> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private static void refused(CompletableFuture<SocialReply> f, Error.Code code) {
    assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ProtocolException.class)
        .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(code));
  }

  @Test
  void friendsRequestAcceptSeeEachOtherComeAndGoAndIgnoreHidesInvites() throws Exception {
    In ann = enter("fr_ann");
    In ben = enter("fr_ben");
    In cid = enter("fr_cid");
    try (BlueMarbleClient a = ann.client();
        BlueMarbleClient b = ben.client();
        BlueMarbleClient c = cid.client()) {
      ok(a.social(SocialVerb.SOCIAL_VERB_FRIEND_REQUEST, ben.id()));
      awaitHeard(
          ben,
          u -> {
            assertThat(u.hasFriendRequest()).isTrue();
            assertThat(u.getFriendRequest().getFromPlayerId()).isEqualTo(ann.id());
            assertThat(u.getFriendRequest().getFromName()).isEqualTo("fr_ann hero");
          });
      SocialReply accepted = ok(b.social(SocialVerb.SOCIAL_VERB_FRIEND_ACCEPT, ann.id()));
      assertThat(accepted.getLists().getFriendsList())
          .singleElement()
          .satisfies(f -> assertThat(f.getPlayerId()).isEqualTo(ann.id()));
      // Ann hears Ben is online (Ben's acceptance announces him) and lists him as online.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                SocialReply list = ok(a.social(SocialVerb.SOCIAL_VERB_LIST, ""));
                assertThat(list.getLists().getFriendsList())
                    .singleElement()
                    .satisfies(
                        f -> {
                          assertThat(f.getPlayerId()).isEqualTo(ben.id());
                          assertThat(f.getOnline()).isTrue();
                        });
              });
      // Ben leaves the world: Ann is told.
      b.leaveWorld();
      awaitHeard(
          ann,
          u -> {
            assertThat(u.getFriendPresence().getPlayerId()).isEqualTo(ben.id());
            assertThat(u.getFriendPresence().getOnline()).isFalse();
          });
      b.enterWorld(ben.id()).get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(ann.heard().updates.get(ann.heard().updates.size() - 1))
                      .satisfies(
                          u -> {
                            assertThat(u.getFriendPresence().getPlayerId()).isEqualTo(ben.id());
                            assertThat(u.getFriendPresence().getOnline()).isTrue();
                          }));

      // Ignore: Cid's request to Ann is refused and nothing reaches her.
      SocialReply ignoring = ok(a.social(SocialVerb.SOCIAL_VERB_IGNORE, cid.id()));
      assertThat(ignoring.getLists().getIgnoredList()).containsExactly(cid.id());
      refused(
          c.social(SocialVerb.SOCIAL_VERB_FRIEND_REQUEST, ann.id()),
          Error.Code.CODE_SOCIAL_REFUSED);
      ok(c.social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, ann.id()));
      // Ben's request travels the same way after Cid's invitation: once it arrived, the invitation
      // would have too, had ignoring not hidden it.
      ok(b.social(SocialVerb.SOCIAL_VERB_FRIEND_REMOVE, ann.id()));
      ok(b.social(SocialVerb.SOCIAL_VERB_FRIEND_REQUEST, ann.id()));
      awaitHeard(ann, u -> assertThat(u.getFriendRequest().getFromPlayerId()).isEqualTo(ben.id()));
      assertThat(ann.heard().updates).noneMatch(SocialUpdate::hasPartyInvite);
      refused(
          a.social(SocialVerb.SOCIAL_VERB_FRIEND_ACCEPT, cid.id()), Error.Code.CODE_SOCIAL_REFUSED);
      refused(a.social(SocialVerb.SOCIAL_VERB_FRIEND_REQUEST, ""), Error.Code.CODE_INVALID_INPUT);
    }
  }

  @Test
  void aGuildIsFoundedJoinedRankedChattedInAndLeft() throws Exception {
    In lea = enter("gu_lea");
    In max = enter("gu_max");
    In ned = enter("gu_ned");
    try (BlueMarbleClient l = lea.client();
        BlueMarbleClient m = max.client();
        BlueMarbleClient n = ned.client()) {
      refused(l.createGuild("bad tag", "Bad"), Error.Code.CODE_SOCIAL_REFUSED);
      SocialReply founded = ok(l.createGuild("ORBIT", "The Orbiters"));
      assertThat(founded.getGuild().getTag()).isEqualTo("ORBIT");
      assertThat(founded.getGuild().getMembersList())
          .singleElement()
          .satisfies(x -> assertThat(x.getRank()).isEqualTo("LEADER"));
      ok(l.social(SocialVerb.SOCIAL_VERB_GUILD_INVITE, max.id()));
      awaitHeard(max, u -> assertThat(u.getGuildInvite().getId()).isEqualTo("ORBIT"));
      SocialReply joined = ok(m.joinGuild("ORBIT"));
      assertThat(joined.getGuild().getMembersCount()).isEqualTo(2);
      awaitHeard(lea, u -> assertThat(u.getGuildChanged().getMembersCount()).isEqualTo(2));
      // A recruit may not invite; the leader's promotion to veteran gives the permission.
      refused(
          m.social(SocialVerb.SOCIAL_VERB_GUILD_INVITE, ned.id()),
          Error.Code.CODE_SOCIAL_NOT_PERMITTED);
      ok(l.social(SocialVerb.SOCIAL_VERB_GUILD_PROMOTE, max.id()));
      ok(l.social(SocialVerb.SOCIAL_VERB_GUILD_PROMOTE, max.id()));
      SocialReply info = ok(m.social(SocialVerb.SOCIAL_VERB_GUILD_INFO, ""));
      assertThat(info.getGuild().getMembersList())
          .anySatisfy(
              x -> {
                assertThat(x.getPlayerId()).isEqualTo(max.id());
                assertThat(x.getRank()).isEqualTo("VETERAN");
              });
      ok(m.social(SocialVerb.SOCIAL_VERB_GUILD_INVITE, ned.id()));
      // Guild chat reaches the members and nobody else; a non-member cannot speak on it.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                l.chat(ChatChannel.CHAT_CHANNEL_GUILD, "welcome", "").get(30, TimeUnit.SECONDS);
                assertThat(max.heard().texts(ChatChannel.CHAT_CHANNEL_GUILD)).contains("welcome");
              });
      assertThatThrownBy(
              () -> n.chat(ChatChannel.CHAT_CHANNEL_GUILD, "me too", "").get(30, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ProtocolException.class);
      assertThat(ned.heard().texts(ChatChannel.CHAT_CHANNEL_GUILD)).isEmpty();
      ok(m.social(SocialVerb.SOCIAL_VERB_GUILD_LEAVE, ""));
      SocialReply after = ok(m.social(SocialVerb.SOCIAL_VERB_LIST, ""));
      assertThat(after.getLists().getGuildTag()).isEmpty();
      refused(m.social(SocialVerb.SOCIAL_VERB_GUILD_INFO, ""), Error.Code.CODE_SOCIAL_REFUSED);
    }
  }

  @Test
  void aPartyIsFormedOverUdpChattedInHandedOverAndLeft() throws Exception {
    In pia = enter("pa_pia");
    PlayWorld.Player quinn = world.newPlayer("pa_quinn");
    Heard quinnHeard = new Heard();
    In roy = enter("pa_roy");
    try (ClientIoLoop loop = new ClientIoLoop("social-udp-io");
        BlueMarbleClient q = world.udp(quinn, quinnHeard, loop, null);
        BlueMarbleClient p = pia.client();
        BlueMarbleClient r = roy.client()) {
      q.enterWorld(quinn.playerId()).get(30, TimeUnit.SECONDS);
      SocialReply invited = ok(p.social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, quinn.playerId()));
      String partyId = invited.getParty().getPartyId();
      assertThat(partyId).isNotEmpty();
      assertThat(invited.getParty().getLeaderId()).isEqualTo(pia.id());
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(quinnHeard.updates)
                      .anySatisfy(u -> assertThat(u.getPartyInvite().getId()).isEqualTo(partyId)));
      SocialReply joined = ok(q.joinParty(partyId));
      assertThat(joined.getParty().getMembersList()).containsExactly(pia.id(), quinn.playerId());
      // Only the leader invites.
      refused(
          q.social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, roy.id()),
          Error.Code.CODE_SOCIAL_NOT_PERMITTED);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                p.chat(ChatChannel.CHAT_CHANNEL_PARTY, "pull left", "").get(30, TimeUnit.SECONDS);
                assertThat(quinnHeard.texts(ChatChannel.CHAT_CHANNEL_PARTY)).contains("pull left");
              });
      assertThat(roy.heard().texts(ChatChannel.CHAT_CHANNEL_PARTY)).isEmpty();
      SocialReply handed = ok(p.social(SocialVerb.SOCIAL_VERB_PARTY_LEADER, quinn.playerId()));
      assertThat(handed.getParty().getLeaderId()).isEqualTo(quinn.playerId());
      ok(p.social(SocialVerb.SOCIAL_VERB_PARTY_LEAVE, ""));
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(quinnHeard.updates)
                      .anySatisfy(
                          u ->
                              assertThat(u.getPartyChanged().getMembersList())
                                  .containsExactly(quinn.playerId())));
      refused(p.social(SocialVerb.SOCIAL_VERB_PARTY_INFO, ""), Error.Code.CODE_SOCIAL_REFUSED);
      SocialReply still = ok(q.social(SocialVerb.SOCIAL_VERB_PARTY_INFO, ""));
      assertThat(still.getParty().getLeaderId()).isEqualTo(quinn.playerId());
    }
  }

  /** Sets the character's checkpoint, where it enters the world. */
  private static void placeAt(PlayWorld.Player p, double lat, double lng) throws Exception {
    ClusterSharding.get(node.system)
        .entityRefFor(Player.ENTITY_KEY, p.playerId())
        .<Player.Reply>ask(r -> new Player.CheckpointPosition(lat, lng, 0, r), PlayWorld.WAIT)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  /** The newest state of {@code mate} a client heard in a PartyUpdate of {@code partyId}. */
  private static PartyMemberState lastSeen(Heard heard, String partyId, String mate) {
    PartyMemberState last = null;
    for (PartyUpdate u : heard.party) {
      assertThat(u.getPartyId()).isEqualTo(partyId);
      for (PartyMemberState m : u.getMembersList()) {
        if (m.getPlayerId().equals(mate)) {
          last = m;
        }
      }
    }
    return last;
  }

  @Test
  void partyMatesInDifferentCellsHearEachOthersPositionsOverWebSocketAndUdp() throws Exception {
    // Two members 20 km apart (different zone cells), one over WebSocket and one over UDP, and a
    // third player outside the party next to the first.
    PlayWorld.Player sam = world.newPlayer("pp_sam");
    PlayWorld.Player tia = world.newPlayer("pp_tia");
    PlayWorld.Player uli = world.newPlayer("pp_uli");
    placeAt(sam, 12.0, 30.0);
    placeAt(tia, 12.0, 30.2);
    placeAt(uli, 12.0, 30.0001);
    Heard samHeard = new Heard();
    Heard tiaHeard = new Heard();
    Heard uliHeard = new Heard();
    try (ClientIoLoop loop = new ClientIoLoop("party-udp-io");
        BlueMarbleClient s = world.webSocket(sam, samHeard);
        BlueMarbleClient t = world.udp(tia, tiaHeard, loop, null);
        BlueMarbleClient u = world.webSocket(uli, uliHeard)) {
      s.enterWorld(sam.playerId()).get(30, TimeUnit.SECONDS);
      t.enterWorld(tia.playerId()).get(30, TimeUnit.SECONDS);
      u.enterWorld(uli.playerId()).get(30, TimeUnit.SECONDS);
      String partyId =
          ok(s.social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, tia.playerId())).getParty().getPartyId();
      ok(t.joinParty(partyId));
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                PartyMemberState tiaSeen = lastSeen(samHeard, partyId, tia.playerId());
                assertThat(tiaSeen).isNotNull();
                assertThat(tiaSeen.getName()).isEqualTo("pp_tia hero");
                assertThat(tiaSeen.getLatitudeDeg()).isCloseTo(12.0, within(1e-3));
                assertThat(tiaSeen.getLongitudeDeg()).isCloseTo(30.2, within(1e-3));
                assertThat(tiaSeen.getAtMs()).isPositive();
                PartyMemberState samSeen = lastSeen(tiaHeard, partyId, sam.playerId());
                assertThat(samSeen).isNotNull();
                assertThat(samSeen.getName()).isEqualTo("pp_sam hero");
                assertThat(samSeen.getLongitudeDeg()).isCloseTo(30.0, within(1e-3));
              });
      // Nobody hears itself, and a player outside the party hears nothing.
      assertThat(lastSeen(samHeard, partyId, sam.playerId())).isNull();
      assertThat(lastSeen(tiaHeard, partyId, tia.playerId())).isNull();
      assertThat(uliHeard.party).isEmpty();
      // Positions follow the mate: Sam walks east, Tia sees it.
      for (int i = 0; i < 20; i++) {
        s.sendInput(new org.bluemarble.protocol.movement.MovementIntent.Heading(90, 3));
      }
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(lastSeen(tiaHeard, partyId, sam.playerId()).getLongitudeDeg())
                      .isGreaterThan(30.0 + 1e-5));
      // Leaving the party stops the updates about it.
      ok(t.social(SocialVerb.SOCIAL_VERB_PARTY_LEAVE, ""));
      int heardSoFar = samHeard.party.size();
      await()
          .during(java.time.Duration.ofSeconds(3))
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> assertThat(samHeard.party.size()).isLessThanOrEqualTo(heardSoFar + 1));
    }
  }

  private static List<org.bluemarble.chat.SocialNote.Notice> pending(String playerId)
      throws Exception {
    return org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(node.system)
        .entityRefFor(org.bluemarble.chat.Notifications.ENTITY_KEY, playerId)
        .<org.bluemarble.chat.Notifications.Waiting>ask(
            org.bluemarble.chat.Notifications.Pending::new, java.time.Duration.ofSeconds(20))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS)
        .notices();
  }

  @Test
  void notificationsAreKeptForTheNextLoginAndPushedLiveOnceOnline() throws Exception {
    PlayWorld.Player uma = world.newPlayer("no_uma");
    org.bluemarble.chat.Notifications.post(
        node.system, uma.playerId(), "n-1", "OUTBID", "you were outbid", "au-1", 1L);
    await()
        .atMost(PlayWorld.WAIT)
        .untilAsserted(() -> assertThat(pending(uma.playerId())).hasSize(1));
    Heard heard = new Heard();
    try (BlueMarbleClient c = world.webSocket(uma, heard)) {
      c.enterWorld(uma.playerId()).get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(heard.updates)
                      .anySatisfy(
                          u -> {
                            assertThat(u.getNotification().getId()).isEqualTo("n-1");
                            assertThat(u.getNotification().getKind())
                                .isEqualTo(
                                    org.bluemarble.protocol.v1.NotificationKind
                                        .NOTIFICATION_KIND_OUTBID);
                            assertThat(u.getNotification().getDelayed()).isTrue();
                          }));
      org.bluemarble.chat.Notifications.post(
          node.system, uma.playerId(), "n-2", "LISTING_SOLD", "sold", "li-1", 2L);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(heard.updates)
                      .anySatisfy(
                          u -> {
                            assertThat(u.getNotification().getId()).isEqualTo("n-2");
                            assertThat(u.getNotification().getDelayed()).isFalse();
                          }));
      // Shown notices are no longer kept; each was shown once.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(() -> assertThat(pending(uma.playerId())).isEmpty());
      assertThat(heard.updates.stream().filter(SocialUpdate::hasNotification)).hasSize(2);
    }
  }

  @Test
  void aReportCarriesTheReportedLinesAndAModeratorsMuteIsPersistedAndAudited() throws Exception {
    In vic = enter("re_vic");
    In wes = enter("re_wes");
    try (BlueMarbleClient v = vic.client();
        BlueMarbleClient w = wes.client()) {
      v.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "buy gold at example dot com", "")
          .get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(wes.heard().texts(ChatChannel.CHAT_CHANNEL_GENERAL))
                      .contains("buy gold at example dot com"));
      SocialReply reported =
          ok(
              w.social(
                  org.bluemarble.protocol.v1.SocialRequest.newBuilder()
                      .setVerb(SocialVerb.SOCIAL_VERB_REPORT)
                      .setPlayerId(vic.id())
                      .setText("gold seller")
                      .build()));
      String reportId = reported.getReportId();
      assertThat(reportId).isNotEmpty();

      org.bluemarble.node.testing.AdminClient api = node.client();
      String admin = api.adminToken();
      var open = api.call("GET", "/admin/v1/chat/reports?open=true", null, admin);
      assertThat(open.status()).isEqualTo(200);
      var report = open.body().get(0);
      assertThat(report.path("id").asText()).isEqualTo(reportId);
      assertThat(report.path("reportedId").asText()).isEqualTo(vic.id());
      assertThat(report.path("reason").asText()).isEqualTo("gold seller");
      assertThat(report.path("lines").get(0).path("text").asText())
          .isEqualTo("buy gold at example dot com");

      assertThat(
              api.call("POST", "/admin/v1/chat/reports/" + reportId, "{\"action\":\"BAN\"}", admin)
                  .status())
          .isEqualTo(400);
      assertThat(
              api.call(
                      "POST",
                      "/admin/v1/chat/reports/no-such-report",
                      "{\"action\":\"DISMISS\"}",
                      admin)
                  .status())
          .isEqualTo(404);
      var acted =
          api.call(
              "POST",
              "/admin/v1/chat/reports/" + reportId,
              "{\"action\":\"MUTE\",\"minutes\":10,\"note\":\"spam\"}",
              admin);
      assertThat(acted.status()).isEqualTo(200);
      assertThat(acted.body().path("status").asText()).isEqualTo("MUTED");
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () ->
                              v.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "again", "")
                                  .get(30, TimeUnit.SECONDS))
                      .cause()
                      .isInstanceOfSatisfying(
                          ProtocolException.class,
                          e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_CHAT_MUTED)));
      assertThat(api.call("GET", "/admin/v1/chat/reports?open=true", null, admin).body().size())
          .isZero();
      assertThat(api.call("GET", "/admin/v1/audit", null, admin).body().toString())
          .contains("POST /admin/v1/chat/reports/{reportId}")
          .contains("reportId=" + reportId);
      // The mute is in the journal, not only in the hubs.
      var state =
          org.bluemarble.chat.Moderation.ref(node.system)
              .<org.bluemarble.chat.Moderation.State>ask(
                  org.bluemarble.chat.Moderation.Get::new, java.time.Duration.ofSeconds(20))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertThat(state.mutes()).containsKey(vic.id());
    }
  }

  @Test
  void webClientsManageFriendsAndGuildsOverHttpForTheirOwnCharactersOnly() throws Exception {
    PlayWorld.Player xia = world.newPlayer("ht_xia");
    In yul = enter("ht_yul");
    org.bluemarble.node.testing.AdminClient api = node.client();
    String base = "/v1/social/characters/" + xia.playerId();
    assertThat(api.call("GET", base, null, null).status()).isEqualTo(401);
    assertThat(api.call("GET", base, null, yul.player().token()).status())
        .as("another account's character")
        .isEqualTo(403);
    var lists = api.call("GET", base, null, xia.token());
    assertThat(lists.status()).isEqualTo(200);
    assertThat(lists.body().path("lists").path("friends").size()).isZero();

    // A friend request from the web reaches the player in the world.
    var asked =
        api.call(
            "POST",
            base + "/actions",
            "{\"verb\":\"FRIEND_REQUEST\",\"playerId\":\"" + yul.id() + "\"}",
            xia.token());
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
    awaitHeard(
        yul, u -> assertThat(u.getFriendRequest().getFromPlayerId()).isEqualTo(xia.playerId()));
    assertThat(
            api.call("POST", base + "/actions", "{\"verb\":\"FRIEND_REQUEST\"}", xia.token())
                .status())
        .isEqualTo(400);
    assertThat(api.call("POST", base + "/actions", "{\"verb\":\"FLY\"}", xia.token()).status())
        .isEqualTo(400);

    var founded =
        api.call(
            "POST",
            base + "/actions",
            "{\"verb\":\"GUILD_CREATE\",\"guildTag\":\"WEB1\",\"text\":\"Web Guild\"}",
            xia.token());
    assertThat(founded.status()).as(founded.body().toString()).isEqualTo(200);
    var guild = api.call("GET", base + "/guild", null, xia.token());
    assertThat(guild.status()).isEqualTo(200);
    assertThat(guild.body().path("guild").path("tag").asText()).isEqualTo("WEB1");
    assertThat(api.call("GET", base + "/party", null, xia.token()).status())
        .as("no party")
        .isEqualTo(409);
    yul.client().close();
  }

  @Test
  void aGuildBankTakesMembersDepositsAndPaysOfficersOverTheWorldAndHttp() throws Exception {
    In ova = enter("gb_ova");
    In pim = enter("gb_pim");
    org.bluemarble.node.testing.AdminClient api = node.client();
    String admin = api.adminToken();
    var granted =
        api.call(
            "POST",
            "/admin/v1/economy/players/" + ova.id() + "/grants",
            "{\"copper\":1000,\"items\":[{\"itemId\":\"copper_ore\",\"quantity\":2}],"
                + "\"reason\":\"test\"}",
            admin);
    assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
    try (BlueMarbleClient o = ova.client();
        BlueMarbleClient p = pim.client()) {
      ok(o.createGuild("VAULT", "The Vault"));
      ok(o.social(SocialVerb.SOCIAL_VERB_GUILD_INVITE, pim.id()));
      ok(p.joinGuild("VAULT"));
      SocialReply in =
          ok(
              o.social(
                  SocialRequest.newBuilder()
                      .setVerb(SocialVerb.SOCIAL_VERB_GUILD_BANK_DEPOSIT)
                      .setCopper(400)
                      .addItems(ItemAmount.newBuilder().setItemId("copper_ore").setQuantity(1))
                      .build()));
      assertThat(in.getBank().getSettled()).isTrue();
      assertThat(in.getBank().getCopper()).isEqualTo(400);
      // A recruit may not deposit; nothing to move is invalid; any member sees the bank.
      refused(
          p.social(
              SocialRequest.newBuilder()
                  .setVerb(SocialVerb.SOCIAL_VERB_GUILD_BANK_DEPOSIT)
                  .setCopper(10)
                  .build()),
          Error.Code.CODE_SOCIAL_NOT_PERMITTED);
      refused(
          o.social(
              SocialRequest.newBuilder()
                  .setVerb(SocialVerb.SOCIAL_VERB_GUILD_BANK_DEPOSIT)
                  .build()),
          Error.Code.CODE_INVALID_INPUT);
      SocialReply bank = ok(p.social(SocialVerb.SOCIAL_VERB_GUILD_BANK_INFO, ""));
      assertThat(bank.getBank().getCopper()).isEqualTo(400);
      assertThat(bank.getBank().getItemsList())
          .singleElement()
          .satisfies(i -> assertThat(i.getQuantity()).isEqualTo(1));

      // The web: the leader withdraws, the recruit may not.
      String base = "/v1/social/characters/";
      var seen = api.call("GET", base + ova.id() + "/guild/bank", null, ova.player().token());
      assertThat(seen.status()).as(String.valueOf(seen.body())).isEqualTo(200);
      assertThat(seen.body().path("bank").path("copper").asLong()).isEqualTo(400);
      var out =
          api.call(
              "POST",
              base + ova.id() + "/actions",
              "{\"verb\":\"GUILD_BANK_WITHDRAW\",\"copper\":150}",
              ova.player().token());
      assertThat(out.status()).as(String.valueOf(out.body())).isEqualTo(200);
      assertThat(out.body().path("bank").path("settled").asBoolean()).isTrue();
      var no =
          api.call(
              "POST",
              base + pim.id() + "/actions",
              "{\"verb\":\"GUILD_BANK_WITHDRAW\",\"copper\":1}",
              pim.player().token());
      assertThat(no.status()).isEqualTo(403);
      var wallet =
          api.call("GET", "/admin/v1/economy/players/" + ova.id() + "/wallet", null, admin);
      assertThat(wallet.body().path("copper").asLong())
          .as(String.valueOf(wallet.body()))
          .isEqualTo(1000 - 400 + 150);
      assertThat(ok(p.social(SocialVerb.SOCIAL_VERB_GUILD_BANK_INFO, "")).getBank().getCopper())
          .isEqualTo(250);

      // An officer withdraws at most its rank's daily limit (100,000 copper by default): beyond it
      // CODE_SOCIAL_DAILY_LIMIT in the world and 429 SOCIAL_DAILY_LIMIT on the web, nothing moves.
      for (int i = 0; i < 3; i++) {
        ok(o.social(SocialVerb.SOCIAL_VERB_GUILD_PROMOTE, pim.id()));
      }
      refused(
          p.social(
              SocialRequest.newBuilder()
                  .setVerb(SocialVerb.SOCIAL_VERB_GUILD_BANK_WITHDRAW)
                  .setCopper(100_001)
                  .build()),
          Error.Code.CODE_SOCIAL_DAILY_LIMIT);
      var limited =
          api.call(
              "POST",
              base + pim.id() + "/actions",
              "{\"verb\":\"GUILD_BANK_WITHDRAW\",\"copper\":100001}",
              pim.player().token());
      assertThat(limited.status()).as(String.valueOf(limited.body())).isEqualTo(429);
      assertThat(limited.body().path("error").path("code").asText())
          .isEqualTo("SOCIAL_DAILY_LIMIT");
      assertThat(ok(p.social(SocialVerb.SOCIAL_VERB_GUILD_BANK_INFO, "")).getBank().getCopper())
          .isEqualTo(250);
    }
  }
}
