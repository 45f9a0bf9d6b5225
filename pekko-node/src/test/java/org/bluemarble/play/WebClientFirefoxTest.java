package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser client in a real Firefox (Debian's {@code firefox-esr}, driven over WebDriver BiDi by
 * {@link FirefoxBiDi}) against one embedded node: the page loads without console errors; a player
 * registers, creates a character, enters the world, walks with the keyboard, sees a second player
 * driven by the Java reference client move, and chats; an Admin sees the globe drawn and the admin
 * console lists the cluster and the players online. Screenshots go to {@code
 * target/webclient-firefox-*.png} and are checked for content. Skipped only where no Firefox is
 * installed ({@code .ci/run} installs it, so CI runs it).
 */
@Tag("slow")
class WebClientFirefoxTest {
  @TempDir static Path dataDir;
  @TempDir static Path profileDir;
  private static InProcessNode node;
  private static PlayWorld world;
  private static FirefoxBiDi firefox;
  private static final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> binary = FirefoxBiDi.binary();
    assumeTrue(
        binary.isPresent(),
        "no Firefox installed (apt-get install -y firefox-esr, done by .ci/run): Firefox checks skipped");
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
    firefox = FirefoxBiDi.launch(binary.get(), profileDir.resolve("profile"));
    firefox.onLog(
        entry -> {
          if ("error".equals(entry.path("level").asText())) {
            consoleErrors.add(entry.path("type").asText() + ": " + entry.path("text").asText());
          }
        });
  }

  @AfterAll
  static void stop() throws Exception {
    if (firefox != null) {
      firefox.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void playWatchAndAdministerInFirefox() throws Exception {
    String url = "http://127.0.0.1:" + node.httpPort + "/";
    FirefoxBiDi.Tab page = firefox.newTab(1280, 800);
    page.navigate(url);
    page.waitFor("() => window.bluemarble && window.bluemarble.play");

    // Register in the page, create a character and enter the world.
    page.type("#username", "fox_player");
    page.type("#password", PlayWorld.PASSWORD);
    page.type("#email", "fox_player@example.org");
    page.click("#register-button");
    page.waitForText("#who", "fox_player");
    page.waitForText("#characters li", "No character yet");
    page.type("#character-name", "Foxwalker");
    page.call(
        "() => { const s = document.getElementById('character-class'); s.value = 'Ranger';"
            + " s.dispatchEvent(new Event('change')); }");
    page.click("#create-character button[type=submit]");
    page.clickButton("Enter as Foxwalker");
    page.waitForText("#play-status", "in the world");
    page.waitFor("() => window.bluemarble.play.snapshots.length > 5");
    assertThat(page.call("() => window.bluemarble.play.entered.max_speed_mps").asDouble())
        .as("a Ranger's top speed, from EnteredWorld")
        .isEqualTo(7.0);
    String ranger =
        Abilities.of(CharacterClass.RANGER).stream()
            .limit(5)
            .map(Ability::id)
            .collect(Collectors.joining(","));
    page.waitFor(
        "(ids) => [...document.querySelectorAll('#abilities button')]"
            + ".map((b) => b.dataset.ability).join(',') === ids",
        ranger);

    // A second player, driven by the Java reference client, enters nearby and walks east.
    PlayWorld.Player bot = world.newPlayer("fox_bot");
    try (BlueMarbleClient botClient = world.webSocket(bot, new ClientListener() {})) {
      EnteredWorld botEntered = botClient.enterWorld(bot.playerId()).get(30, TimeUnit.SECONDS);
      String botKey = Long.toUnsignedString(botEntered.getEntityId());
      page.waitFor(
          "(k) => { const s = window.bluemarble.play.snapshots;"
              + " return s.length && s[s.length - 1].map.has(k); }",
          botKey);
      page.waitFor(
          "(k) => { const n = window.bluemarble.play.names.get(k);"
              + " return n && n.name === 'fox_bot hero'; }",
          botKey);
      double botLngBefore =
          page.call(
                  "(k) => { const s = window.bluemarble.play.snapshots;"
                      + " return s[s.length - 1].map.get(k).lng; }",
                  botKey)
              .asDouble();

      // Walk north with the keyboard (w held down) while the bot walks east.
      double latBefore = page.call("() => window.bluemarble.play.predicted.lat").asDouble();
      page.call("() => document.getElementById('world').focus()");
      page.keyDown("w");
      for (int i = 0; i < 20; i++) {
        botClient.sendInput(new MovementIntent.Heading(90, 3));
      }
      page.waitFor(
          "(lat) => { const a = window.bluemarble.play.lastAck;"
              + " return a && a.lat > Number(lat) + 0.000005; }",
          Double.toString(latBefore));
      page.waitFor(
          "(k, lng) => { const s = window.bluemarble.play.snapshots;"
              + " const p = s[s.length - 1].map.get(k); return p && p.lng > Number(lng) + 0.00001; }",
          botKey,
          Double.toString(botLngBefore));
      page.keyUp("w");
      assertThat(page.call("() => document.getElementById('hud').textContent").asText())
          .contains("in view");

      // Chat: Enter on the world opens the chat input, the line comes back from the server.
      page.call("() => document.getElementById('world').focus()");
      page.press(FirefoxBiDi.ENTER);
      assertThat(page.call("() => document.activeElement.id").asText()).isEqualTo("chat-input");
      page.press("hello from firefox" + FirefoxBiDi.ENTER);
      page.waitForText("#chat-lines li", "Foxwalker: hello from firefox");
      page.press(FirefoxBiDi.ESCAPE);
      assertThat(page.call("() => document.activeElement.id").asText()).isEqualTo("world");
      assertNotBlank(page.screenshot(), "webclient-firefox-play.png");

      // An Admin in a tab of its own: the globe is drawn, the console lists the cluster.
      FirefoxBiDi.Tab admin = firefox.newTab(1280, 800);
      admin.navigate(url);
      admin.waitFor("() => window.bluemarble && window.bluemarble.play");
      admin.type("#username", AdminClient.TEST_ADMIN);
      admin.type("#password", AdminClient.TEST_ADMIN_PASSWORD);
      admin.click("#login-button");
      admin.waitForText("#who", AdminClient.TEST_ADMIN);
      admin.click("#tab-planet");
      admin.waitFor("() => document.getElementById('planet-id').value.length > 0");
      admin.click("#planet-load");
      admin.waitForText("#planet-status", "biome polygons");
      admin.waitForText("#planet-players", "2 player(s) in the world");
      JsonNode colours =
          admin.call(
              "() => { const c = document.getElementById('planet');"
                  + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                  + " const seen = new Set();"
                  + " for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);"
                  + " return seen.size; }");
      assertThat(colours.asInt()).as("colours drawn on the globe's canvas").isGreaterThan(5);
      assertNotBlank(admin.screenshot(), "webclient-firefox-globe.png");
      admin.click("#tab-admin");
      admin.waitForText("#cluster td", "Up");
      admin.waitForText("#players-online", "player(s) online");
      assertNotBlank(admin.screenshot(), "webclient-firefox-admin.png");
    }
    assertThat(consoleErrors).as("console errors in Firefox").isEmpty();
  }

  /** A screenshot with content (many distinct colours), saved under {@code target/}. */
  private static void assertNotBlank(byte[] png, String name) throws Exception {
    Files.write(Path.of("target", name), png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours in " + name).isGreaterThan(20);
  }
}
