package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.EntityEnter;
import org.bluemarble.protocol.v1.EntityKind;
import org.bluemarble.protocol.v1.GeoPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser client in a real Chromium (Debian's, driven by Playwright) against an embedded node:
 * register in the page, create a character, enter the world, walk with the keyboard, see a second
 * player driven by the Java reference client move; chat with a second browser player (General with
 * its history on joining, whispers, refusals, typing never walks); the abilities bar from the
 * node's catalogue sends {@code UseAbility} at a clicked target and shows the answer; the
 * JavaScript snapshot decoder passes the protocol's test vectors; an Admin sees the globe and a
 * projection with the players on both, finds the player and kicks it. Screenshots go to {@code
 * target/webclient-*.png} and are checked for content.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final double TIMEOUT_MS = 60_000;
  private static final int SANCTUARY_METERS = 5_000;

  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() {
    assertThat(CHROMIUM)
        .as("Chromium (apt-get install -y chromium, done by .ci/run) for the browser tests")
        .exists();
    // A sanctuary of 5 km around the spawn point: the players of the first test stand at the spawn
    // point (safe with the default 150 m too), the Mage of the second where a creature stood, maybe
    // farther; inside it creatures start no fight and only answer the Mage's.
    Map<String, Object> config =
        new java.util.HashMap<>(PlayWorld.config(dataDir.toString(), "30s"));
    config.put("bluemarble.world.sanctuary-radius", SANCTUARY_METERS);
    // The Admin's planet views queue polygon pages and projections (and live positions every few
    // seconds) on one niced polygon thread: on a loaded box 16 queued jobs filled up and a page
    // got a 503 (a console error). Back-pressure is not what this test is about.
    config.put("bluemarble.planet.polygon-queue", 256);
    node = InProcessNode.start(Profile.EMBEDDED, config);
    world = new PlayWorld(node);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static Page page(BrowserContext context, List<String> consoleErrors) {
    Page page = context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) {
            consoleErrors.add(m.text() + " (" + m.location() + ")");
          }
        });
    page.onPageError(consoleErrors::add);
    page.navigate("http://127.0.0.1:" + node.httpPort + "/");
    return page;
  }

  private static BrowserContext context() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  @Test
  @Order(1)
  void playWatchAndAdministerInABrowser() throws Exception {
    List<String> consoleErrors = new CopyOnWriteArrayList<>();
    String username = "web_player";
    try (BrowserContext playerContext = context();
        BrowserContext friendContext = context();
        BrowserContext adminContext = context()) {
      Page page = page(playerContext, consoleErrors);

      // The CSP allows nothing external.
      String csp =
          page.evaluate("fetch('/').then(r => r.headers.get('content-security-policy'))")
              .toString();
      assertThat(csp).contains("default-src 'self'").doesNotContain("http");

      // The JavaScript snapshot decoder passes the protocol's test vectors.
      String vectors = Files.readString(Path.of("../protocol/test-vectors.json"));
      Object decoded =
          page.evaluate(
              "async (json) => {"
                  + " const v = JSON.parse(json);"
                  + " const m = await import('/web/snapshot.js');"
                  + " const hex = (h) => Uint8Array.from(h.match(/../g).map((x) => parseInt(x, 16)));"
                  + " const d = new m.SnapshotDecoder(); const out = [];"
                  + " for (const k of ['snapshot1', 'snapshot2']) {"
                  + "   const s = v[k];"
                  + "   const st = d.decode({snapshot_id: s.snapshotId, baseline_id: s.baselineId,"
                  + "     payload: hex(s.payload)});"
                  + "   out.push(JSON.stringify(st.map((e) => ({id: BigInt.asUintN(64, e.id).toString(),"
                  + "     x: e.x, y: e.y, z: e.z, heading: e.heading}))) === JSON.stringify(s.entities));"
                  + " }"
                  + " return out.join(',');"
                  + "}",
              vectors);
      assertThat(decoded).isEqualTo("true,true");

      // The schema-driven codec (pb.js) reads and writes the Envelope inside the sealed-packet
      // vector (after its channel byte) exactly: Ping{client_time_ms: 1700000000000}.
      Object envelope =
          page.evaluate(
              "async (json) => {"
                  + " const v = JSON.parse(json);"
                  + " const pb = await import('/web/pb.js');"
                  + " const s = await pb.Schema.load();"
                  + " const hex = (h) => Uint8Array.from(h.match(/../g).map((x) => parseInt(x, 16)));"
                  + " const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');"
                  + " const body = v.sealed.plaintext.slice(2);"
                  + " const e = s.decode('bluemarble.v1.Envelope', hex(body));"
                  + " const again = toHex(s.encode('bluemarble.v1.Envelope',"
                  + "   {ping: {client_time_ms: 1700000000000n}}));"
                  + " return String(e.ping.client_time_ms) + ',' + (again === body);"
                  + "}",
              vectors);
      assertThat(envelope).isEqualTo("1700000000000,true");

      // The planet viewer's S2 cell of a point (a click on the globe) is the S2 library's.
      java.util.Random random = new java.util.Random(21);
      List<List<Double>> points = new java.util.ArrayList<>();
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        double lat = random.nextDouble() * 180 - 90;
        double lng = random.nextDouble() * 360 - 180;
        int level = 3 + random.nextInt(22);
        points.add(List.of(lat, lng, (double) level));
        expected
            .append(i == 0 ? "" : ",")
            .append(
                com.google.common.geometry.S2CellId.fromLatLng(
                        com.google.common.geometry.S2LatLng.fromDegrees(lat, lng))
                    .parent(level)
                    .toToken());
      }
      Object tokens =
          page.evaluate(
              "async (pts) => { const m = await import('/web/s2.js');"
                  + " return pts.map(([lat, lng, l]) => m.cellToken(lat, lng, l)).join(','); }",
              points);
      assertThat(tokens).isEqualTo(expected.toString());

      // Register, create a character, enter the world.
      registerAndEnter(page, username, "Webwalker", "Ranger");
      page.waitForFunction("() => window.bluemarble.play.snapshots.length > 5");

      // The abilities bar: the Ranger's first five abilities, from the node's own catalogue.
      List<String> ranger =
          Abilities.of(CharacterClass.RANGER).stream().limit(5).map(Ability::id).toList();
      page.waitForFunction(
          "(n) => document.querySelectorAll('#abilities button').length === n", ranger.size());
      assertThat(
              page.evaluate(
                  "() => [...document.querySelectorAll('#abilities button')]"
                      + ".map((b) => b.dataset.ability).join(',')"))
          .isEqualTo(String.join(",", ranger));

      // Chat: Enter on the world opens the chat input; typing there never walks.
      page.focus("#world");
      page.keyboard().press("Enter");
      assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("chat-input");
      double latBeforeTyping =
          ((Number) page.evaluate("() => window.bluemarble.play.predicted.lat")).doubleValue();
      page.keyboard().type("wasd before you came");
      page.keyboard().press("Enter");
      page.waitForSelector("#chat-lines li:has-text('Webwalker: wasd before you came')");
      assertThat(((Number) page.evaluate("() => window.bluemarble.play.predicted.lat")))
          .as("typing w, a, s, d in the chat does not walk")
          .isEqualTo(latBeforeTyping);
      page.keyboard().press("Escape");
      assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("world");

      // A second browser player enters: the General history is replayed to it, then it sees what
      // the first types and whispers back.
      Page friend = page(friendContext, consoleErrors);
      registerAndEnter(friend, "web_friend", "Webfriend", "Warrior");
      friend.waitForSelector("#chat-lines li:has-text('Webwalker: wasd before you came')");
      say(page, "hello from the browser");
      friend.waitForSelector(
          "#chat-lines li:has-text('[General] Webwalker: hello from the browser')");
      say(friend, "/w Webwalker psst");
      page.waitForSelector("#chat-lines li:has-text('[Webfriend] whispers: psst')");
      friend.waitForSelector("#chat-lines li:has-text('To [Webwalker]: psst')");
      // A refusal is shown in the pane: an offline recipient (flooding is tried further down).
      say(page, "/w \"Nobody Here\" hello?");
      page.waitForSelector("#chat-lines li.error:has-text('Not delivered')");
      double maxSpeed =
          ((Number) page.evaluate("() => window.bluemarble.play.entered.max_speed_mps"))
              .doubleValue();
      assertThat(maxSpeed).as("a Ranger's top speed, from EnteredWorld").isEqualTo(7.0);

      // A second player, driven by the Java reference client, enters nearby.
      PlayWorld.Player bot = world.newPlayer("web_bot");
      try (BlueMarbleClient botClient = world.webSocket(bot, new ClientListener() {})) {
        EnteredWorld botEntered = botClient.enterWorld(bot.playerId()).get(30, TimeUnit.SECONDS);
        String botKey = Long.toUnsignedString(botEntered.getEntityId());
        page.waitForFunction(
            "(k) => { const s = window.bluemarble.play.snapshots;"
                + " return s.length && s[s.length - 1].map.has(k); }",
            botKey);
        // Shown by its character's name, not its kind.
        page.waitForFunction(
            "(k) => { const n = window.bluemarble.play.names.get(k);"
                + " return n && n.name === 'web_bot hero'; }",
            botKey);

        // Click the bot on the canvas to target it, press 1: a UseAbility for it goes out, and
        // the answer (a combat event, or an Error while the server has no combat path) is shown.
        page.evaluate(
            "() => { const p = window.bluemarble.play; p.sent = []; const send = p.send.bind(p);"
                + " p.send = (e) => { p.sent.push(e); send(e); }; }");
        page.waitForFunction("(k) => window.bluemarble.play.drawn.some((d) => d[0] === k)", botKey);
        @SuppressWarnings("unchecked")
        List<Number> at =
            (List<Number>)
                page.evaluate(
                    "(k) => { const d = window.bluemarble.play.drawn.find((e) => e[0] === k);"
                        + " const c = document.getElementById('world');"
                        + " const b = c.getBoundingClientRect();"
                        + " return [b.left + d[1] * b.width / c.width,"
                        + " b.top + d[2] * b.height / c.height]; }",
                    botKey);
        page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
        page.waitForSelector("#target:has-text('web_bot hero')");
        page.keyboard().press("1");
        page.waitForFunction(
            "([a, k]) => window.bluemarble.play.sent.some((e) => e.use_ability"
                + " && e.use_ability.ability_id === a && String(e.use_ability.target_id) === k)",
            List.of(ranger.get(0), botKey));
        page.waitForSelector("#combat-feed li:has-text('" + ranger.get(0) + "')");

        double botLngBefore =
            ((Number)
                    page.evaluate(
                        "(k) => { const s = window.bluemarble.play.snapshots;"
                            + " return s[s.length - 1].map.get(k).lng; }",
                        botKey))
                .doubleValue();

        // Walk north with the keyboard while the bot walks east.
        double latBefore =
            ((Number) page.evaluate("() => window.bluemarble.play.predicted.lat")).doubleValue();
        page.focus("#world");
        page.keyboard().down("w");
        for (int i = 0; i < 20; i++) {
          botClient.sendInput(new MovementIntent.Heading(90, 3));
        }
        page.waitForFunction(
            "(lat) => { const a = window.bluemarble.play.lastAck;"
                + " return a && a.lat > lat + 0.000005; }",
            latBefore);
        page.waitForFunction(
            "([k, lng]) => { const s = window.bluemarble.play.snapshots;"
                + " const p = s[s.length - 1].map.get(k); return p && p.lng > lng + 0.00001; }",
            List.of(botKey, botLngBefore));
        page.keyboard().up("w");
        assertThat(page.locator("#hud").textContent()).contains("in view");
        // The biome under a Player (no staff role) comes from GET /v1/world/surroundings.
        page.waitForFunction("() => window.bluemarble.play.biome.length > 0");
        assertThat(page.locator("#hud").textContent()).doesNotContain("biome —");
        assertThat(AdminClient.get(node.httpPort, "/v1/world/surroundings?lat=0&lng=0").status())
            .as("surroundings need a login")
            .isEqualTo(401);
        byte[] playShot = page.screenshot(shotTo("webclient-play.png"));
        assertNotBlank(playShot);
        // Flooding the chat is refused with a clear line.
        page.evaluate(
            "() => { for (let i = 0; i < 15; i++) window.bluemarble.play.chat.send('flood ' + i); }");
        page.waitForSelector("#chat-lines li.error:has-text('Slow down')");

        // A dropped connection is re-entered at once and resumes where the character stands.
        page.waitForFunction("() => window.bluemarble.play.inputs.length === 0");
        double latWalked =
            ((Number) page.evaluate("() => window.bluemarble.play.lastAck.lat")).doubleValue();
        page.evaluate("() => window.bluemarble.play.ws.close()");
        page.waitForFunction("() => window.bluemarble.play.entries === 2");
        double latResumed =
            ((Number) page.evaluate("() => window.bluemarble.play.entered.position.lat_deg"))
                .doubleValue();
        assertThat(latResumed).as("resumed where it stood").isCloseTo(latWalked, within(1e-5));

        // An Admin: the globe and a projection, then finds the player and kicks it.
        Page admin = page(adminContext, consoleErrors);
        admin.fill("#username", AdminClient.TEST_ADMIN);
        admin.fill("#password", AdminClient.TEST_ADMIN_PASSWORD);
        admin.click("#login-button");
        admin.waitForSelector("#who:has-text('" + AdminClient.TEST_ADMIN + "')");
        admin.click("#tab-planet");
        admin.waitForFunction("() => document.getElementById('planet-id').value.length > 0");
        admin.click("#planet-load");
        admin.waitForSelector("#planet-status:has-text('biome polygons')");
        admin.check("#show-grid");
        admin.waitForSelector("#planet-cells tr.clickable");
        admin.click("#planet-cells tr.clickable");
        admin.waitForSelector("#cell-stats:has-text('tickP99Nanos')");
        // Live positions (Admin): the three players on the globe, refreshed every few seconds.
        admin.waitForSelector("#planet-players:has-text('3 player(s) in the world')");
        // A click on the globe opens the zone cell under the pointer (at this scale a pixel spans
        // tens of kilometres, so any cell near the players; S2 itself is checked above).
        admin.evaluate("() => { document.getElementById('cell-stats').textContent = ''; }");
        var box = admin.locator("#planet").boundingBox();
        admin
            .locator("#planet")
            .click(
                new com.microsoft.playwright.Locator.ClickOptions()
                    .setPosition(box.width / 2, box.height / 2));
        admin.waitForSelector("#cell-stats:has-text('tickP99Nanos')");
        assertThat(admin.locator("#cell-stats").textContent())
            .containsPattern("\"cellId\": \"[0-9a-f]+\"");
        byte[] globe = admin.screenshot(shotTo("webclient-globe.png"));
        assertNotBlank(globe);
        String projection =
            admin
                .evaluate("() => document.querySelectorAll('#projection option')[1].value")
                .toString();
        admin.selectOption("#projection", projection);
        admin.waitForFunction(
            "() => document.getElementById('planet-status').textContent.includes('biome polygons')"
                + " && document.getElementById('projection').value !== 'globe'");
        admin.waitForSelector("#planet-status:has-text('biome polygons')");
        // Live positions on the 2D map too: the players where the planet API projects them.
        admin.waitForSelector("#planet-players:has-text('on the " + projection + " map')");
        admin.waitForFunction(
            "() => { const v = window.bluemarble.planet.view();"
                + " return v.drawnOnMap && v.drawnOnMap.players >= 3"
                + " && v.drawnOnMap.creatureCells >= 1; }");
        assertNotBlank(admin.screenshot(shotTo("webclient-projection.png")));

        admin.click("#tab-admin");
        admin.waitForSelector("#cluster td:has-text('Up')");
        admin.waitForSelector("#players-online:has-text('player(s) online')");
        admin.fill("#account-name", username);
        admin.click("#account-search button[type=submit]");
        admin.waitForSelector("#accounts td:has-text('" + username + "')");
        assertNotBlank(admin.screenshot(shotTo("webclient-admin.png")));
        admin.click("#accounts button:has-text('Kick')");
        page.waitForSelector("#play-status:has-text('REASON_KICKED')");
        assertNotBlank(page.screenshot(shotTo("webclient-kicked.png")));
      }
    }
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  /**
   * The vitals meters and the combat feed against the node's real combat: a Java client scouts a
   * creature near the spawn point, a Mage is placed where it stands and enters in the page, targets
   * it with a click and casts its first ability with {@code 1} until the feed shows a hit; the mana
   * meter follows the cast's cost and the target's health shown drops. The creature stands in the
   * spawn sanctuary ({@value #SANCTUARY_METERS} m here), so no creature attacks the Mage before it
   * casts: it cannot be killed before its first hit.
   */
  @Test
  @Order(2)
  void theAbilitiesBarHitsACreatureAndTheMetersFollow() throws Exception {
    List<String> consoleErrors = new CopyOnWriteArrayList<>();
    PlayWorld.Player scout = world.newPlayer("web_scout");
    Map<Long, EntityEnter> creatures = new ConcurrentHashMap<>();
    ClientListener scouting =
        new ClientListener() {
          @Override
          public void onEntityEnter(EntityEnter enter) {
            if (enter.getKind() == EntityKind.ENTITY_KIND_NPC) {
              creatures.put(enter.getEntityId(), enter);
            }
          }
        };
    try (BlueMarbleClient client = world.webSocket(scout, scouting)) {
      client.enterWorld(scout.playerId()).get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> !creatures.isEmpty());
      client.leaveWorld();
    }
    EntityEnter creature = creatures.values().iterator().next();
    String creatureKey = Long.toUnsignedString(creature.getEntityId());
    PlayWorld.Player mage = world.newPlayer("web_mage", "Mage");
    GeoPosition at = creature.getPosition();
    ClusterSharding.get(node.system)
        .entityRefFor(Player.ENTITY_KEY, mage.playerId())
        .<Player.Reply>ask(
            r -> new Player.CheckpointPosition(at.getLatDeg(), at.getLngDeg(), at.getAltM(), r),
            PlayWorld.WAIT)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    String spell = Abilities.of(CharacterClass.MAGE).get(0).id();

    try (BrowserContext context = context()) {
      Page page = page(context, consoleErrors);
      page.fill("#username", "web_mage");
      page.fill("#password", PlayWorld.PASSWORD);
      page.click("#login-button");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter as web_mage hero"))
          .click();
      page.waitForSelector("#play-status:has-text('in the world')");
      page.waitForSelector("#abilities button[data-ability='" + spell + "']");
      // Every value the meters and the target line take, from now on.
      page.evaluate(
          "() => { const seen = window.bluemarble.seen = {mana: [], target: []};"
              + " const watch = (id, list, read) => new MutationObserver(() => list.push(read()))"
              + "   .observe(document.getElementById(id), {childList: true, characterData: true,"
              + "   subtree: true});"
              + " watch('mana-text', seen.mana, () => [document.getElementById('mana').value,"
              + "   document.getElementById('mana').max]);"
              + " watch('target', seen.target, () => document.getElementById('target').textContent); }");

      page.waitForFunction(
          "(k) => window.bluemarble.play.drawn.some((d) => d[0] === k)", creatureKey);
      clickEntity(page, creatureKey);
      page.waitForSelector("#target:has-text('" + creature.getName() + "')");

      // Cast until the feed shows a hit (a miss is 5 % or more; a refusal is a red line).
      String hit = "You hit " + creature.getName() + " with " + spell + " for ";
      for (int cast = 0; cast < 20; cast++) {
        page.waitForFunction(
            "([a, hit]) => { const b = window.bluemarble.play.abilities;"
                + " return document.getElementById('combat-feed').textContent.includes(hit)"
                + "   || !((b.cooldownUntil.get(a) || 0) > performance.now()); }",
            List.of(spell, hit));
        if (page.locator("#combat-feed").textContent().contains(hit)) {
          break;
        }
        int lines =
            ((Number) page.evaluate("() => window.bluemarble.play.abilities.feed")).intValue();
        page.focus("#world");
        page.keyboard().press("1");
        page.waitForFunction("(n) => window.bluemarble.play.abilities.feed > n", lines);
      }
      String feed = page.locator("#combat-feed").textContent();
      assertThat(feed).as("the combat feed").contains(hit).contains("You use " + spell);
      // The mana meter followed the casts' cost; the target line showed the creature hurt.
      page.waitForFunction(
          "() => window.bluemarble.seen.mana.some(([v, max]) => max > 1 && v < max)");
      page.waitForFunction(
          "() => window.bluemarble.seen.target.some((t) => { const m = t.match(/\\((\\d+)\\/(\\d+)\\)/);"
              + " return m && Number(m[1]) < Number(m[2]); })");
      assertNotBlank(page.screenshot(shotTo("webclient-combat.png")));
    }
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  /** Clicks the entity {@code key} where the Play view last drew it. */
  private static void clickEntity(Page page, String key) {
    @SuppressWarnings("unchecked")
    List<Number> at =
        (List<Number>)
            page.evaluate(
                "(k) => { const d = window.bluemarble.play.drawn.find((e) => e[0] === k);"
                    + " const c = document.getElementById('world');"
                    + " const b = c.getBoundingClientRect();"
                    + " return [b.left + d[1] * b.width / c.width,"
                    + " b.top + d[2] * b.height / c.height]; }",
                key);
    page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
  }

  /** Registers {@code username} in the page, creates a character and enters the world with it. */
  private static void registerAndEnter(
      Page page, String username, String character, String characterClass) {
    page.fill("#username", username);
    page.fill("#password", PlayWorld.PASSWORD);
    page.fill("#email", username + "@example.org");
    page.click("#register-button");
    page.waitForSelector("#who:has-text('" + username + "')");
    page.fill("#character-name", character);
    page.selectOption("#character-class", characterClass);
    page.click("#create-character button[type=submit]");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter as " + character))
        .click();
    page.waitForSelector("#play-status:has-text('in the world')");
  }

  /** Types a chat line in the page's chat input and sends it with Enter. */
  private static void say(Page page, String text) {
    page.fill("#chat-input", text);
    page.press("#chat-input", "Enter");
  }

  private static Page.ScreenshotOptions shotTo(String name) {
    return new Page.ScreenshotOptions().setPath(Path.of("target", name));
  }

  /** A screenshot with content: many distinct colours, not one blank fill. */
  private static void assertNotBlank(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(20);
  }
}
