package org.bluemarble.play;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Test helper: a headless Firefox (Debian's {@code firefox-esr}) driven over WebDriver BiDi, the
 * protocol Firefox speaks itself when started with {@code --remote-debugging-port}, so neither
 * geckodriver nor a Playwright build of Firefox is needed. One WebSocket to {@code
 * ws://127.0.0.1:PORT/session}, JSON commands with ids, answers and events (W3C WebDriver BiDi:
 * session, browser, browsingContext, script, input and log modules). Only the commands the browser
 * tests use.
 */
final class FirefoxBiDi implements AutoCloseable {
  /** Where Debian puts Firefox ({@code apt-get install -y firefox-esr}, done by .ci/run). */
  private static final List<Path> BINARIES =
      List.of(Path.of("/usr/bin/firefox-esr"), Path.of("/usr/bin/firefox"));

  /** WebDriver key codes (W3C WebDriver, "keyboard actions"). */
  static final String ENTER = "\uE007";

  static final String ESCAPE = "\uE00C";

  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Preferences for a quiet test browser: nothing is fetched from the internet (updates, remote
   * settings, telemetry, safe browsing, captive-portal checks), no first-run pages.
   */
  private static final Map<String, Object> PREFS =
      Map.ofEntries(
          Map.entry("app.update.disabledForTesting", true),
          Map.entry("app.normandy.enabled", false),
          Map.entry("browser.shell.checkDefaultBrowser", false),
          Map.entry("browser.startup.homepage_override.mstone", "ignore"),
          Map.entry("browser.startup.page", 0),
          Map.entry("browser.newtabpage.enabled", false),
          Map.entry("browser.safebrowsing.malware.enabled", false),
          Map.entry("browser.safebrowsing.phishing.enabled", false),
          Map.entry("browser.safebrowsing.downloads.enabled", false),
          Map.entry("browser.safebrowsing.update.enabled", false),
          Map.entry("datareporting.policy.dataSubmissionEnabled", false),
          Map.entry("datareporting.healthreport.uploadEnabled", false),
          Map.entry("toolkit.telemetry.enabled", false),
          Map.entry("toolkit.telemetry.server", "data:,"),
          Map.entry("extensions.update.enabled", false),
          Map.entry("extensions.getAddons.cache.enabled", false),
          Map.entry("messaging-system.rsexperimentloader.enabled", false),
          Map.entry("services.settings.server", "data:,#remote-settings-dummy/v1"),
          Map.entry("network.captive-portal-service.enabled", false),
          Map.entry("network.connectivity-service.enabled", false),
          Map.entry("network.dns.disablePrefetch", true),
          Map.entry("network.prefetch-next", false),
          Map.entry("media.gmp-manager.updateEnabled", false));

  private final Process process;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> logListeners = new CopyOnWriteArrayList<>();
  private final Deque<String> output = new ArrayDeque<>();

  /** The Firefox binary to drive, if one is installed. */
  static Optional<Path> binary() {
    return BINARIES.stream().filter(Files::isExecutable).findFirst();
  }

  /** Starts a headless Firefox with a fresh profile in {@code profile} and opens a session. */
  static FirefoxBiDi launch(Path binary, Path profile) throws Exception {
    Files.createDirectories(profile);
    StringBuilder userJs = new StringBuilder();
    PREFS.forEach(
        (k, v) ->
            userJs
                .append("user_pref(\"")
                .append(k)
                .append("\", ")
                .append(v instanceof String s ? "\"" + s + "\"" : v)
                .append(");\n"));
    Files.writeString(profile.resolve("user.js"), userJs);
    ProcessBuilder builder =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-remote",
                "--profile",
                profile.toString(),
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true);
    builder.environment().put("MOZ_HEADLESS", "1");
    builder.environment().put("HOME", profile.toString());
    Process process = builder.start();
    return new FirefoxBiDi(process);
  }

  private FirefoxBiDi(Process process) throws Exception {
    this.process = process;
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 50) {
                      output.removeFirst();
                    }
                  }
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                // The process ended: close() or a crash, reported by the caller's timeout.
              }
              url.completeExceptionally(
                  new IllegalStateException("Firefox exited before listening: " + recentOutput()));
            },
            "firefox-output");
    reader.setDaemon(true);
    reader.start();
    String base;
    try {
      base = url.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("Firefox did not start WebDriver BiDi: " + recentOutput(), e);
    }
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .buildAsync(URI.create(base + "/session"), new Listener())
            .get(30, TimeUnit.SECONDS);
    send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
    ObjectNode subscribe = JSON.createObjectNode();
    subscribe.putArray("events").add("log.entryAdded");
    send("session.subscribe", subscribe);
  }

  /** The last lines Firefox printed, for failure messages. */
  String recentOutput() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** Calls {@code listener} with every {@code log.entryAdded} event's parameters. */
  void onLog(Consumer<JsonNode> listener) {
    logListeners.add(listener);
  }

  /** Sends one command and waits for its result; a BiDi error becomes an exception. */
  JsonNode send(String method, ObjectNode params) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode command = JSON.createObjectNode();
    command.put("id", id).put("method", method).set("params", params);
    try {
      socket.sendText(JSON.writeValueAsString(command), true).get(30, TimeUnit.SECONDS);
      JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if ("error".equals(reply.path("type").asText())) {
        throw new IllegalStateException(
            method + ": " + reply.path("error").asText() + ": " + reply.path("message").asText());
      }
      return reply.path("result");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer; Firefox: " + recentOutput(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** A new tab in a user context of its own (cookies and storage apart), at the given size. */
  Tab newTab(int width, int height) {
    String userContext =
        send("browser.createUserContext", JSON.createObjectNode()).path("userContext").asText();
    ObjectNode create = JSON.createObjectNode().put("type", "tab").put("userContext", userContext);
    String context = send("browsingContext.create", create).path("context").asText();
    ObjectNode viewport = JSON.createObjectNode().put("context", context);
    viewport.putObject("viewport").put("width", width).put("height", height);
    send("browsingContext.setViewport", viewport);
    return new Tab(context);
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        send("browser.close", JSON.createObjectNode());
      }
    } catch (RuntimeException e) {
      // Closing anyway.
    } finally {
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void received(String text) throws IOException {
    JsonNode message = JSON.readTree(text);
    if (message.has("id") && !message.path("id").isNull()) {
      CompletableFuture<JsonNode> answer = pending.get(message.path("id").asLong());
      if (answer != null) {
        answer.complete(message);
      }
    } else if ("log.entryAdded".equals(message.path("method").asText())) {
      logListeners.forEach(l -> l.accept(message.path("params")));
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          received(text);
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }

  /** One top-level browsing context (a tab): navigate, run script, type, click, screenshot. */
  final class Tab {
    private final String context;

    private Tab(String context) {
      this.context = context;
    }

    /** Loads {@code url} and waits until the document is complete. */
    void navigate(String url) {
      ObjectNode params =
          JSON.createObjectNode().put("context", context).put("url", url).put("wait", "complete");
      send("browsingContext.navigate", params);
    }

    /**
     * Calls the JavaScript function {@code declaration} with string arguments in the page (awaiting
     * a promise) and returns its result as JSON: {@code JSON.stringify} of what it returned.
     */
    JsonNode call(String declaration, String... args) {
      ObjectNode params =
          JSON.createObjectNode()
              .put(
                  "functionDeclaration",
                  "async (...a) => JSON.stringify(await (" + declaration + ")(...a)) ?? 'null'")
              .put("awaitPromise", true)
              .put("resultOwnership", "none");
      params.putObject("target").put("context", context);
      ArrayNode arguments = params.putArray("arguments");
      for (String a : args) {
        arguments.addObject().put("type", "string").put("value", a);
      }
      JsonNode result = send("script.callFunction", params);
      if ("exception".equals(result.path("type").asText())) {
        throw new IllegalStateException(
            "script threw: " + result.path("exceptionDetails").path("text").asText());
      }
      try {
        return JSON.readTree(result.path("result").path("value").asText());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Waits until the JavaScript predicate {@code declaration} (with string args) is truthy. */
    void waitFor(String declaration, String... args) {
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    call("async (...a) => Boolean(await (" + declaration + ")(...a))", args)
                        .asBoolean());
      } catch (ConditionTimeoutException e) {
        String page = call("() => document.body.innerText.slice(0, 3000)").asText();
        throw new AssertionError(
            "not within 60 s in Firefox: " + declaration + " " + List.of(args) + "\npage:\n" + page,
            e);
      }
    }

    /** Waits until an element matching {@code selector} contains {@code text}. */
    void waitForText(String selector, String text) {
      waitFor(
          "(s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent.includes(t))",
          selector,
          text);
    }

    /** Clicks (a real pointer press and release) the centre of the first match of {@code css}. */
    void click(String css) {
      JsonNode at =
          call(
              "(s) => { const e = document.querySelector(s); e.scrollIntoView({block: 'center'});"
                  + " const r = e.getBoundingClientRect();"
                  + " return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]; }",
              css);
      clickAt(at.get(0).asInt(), at.get(1).asInt());
    }

    /** Clicks the first button whose text starts with {@code name}. */
    void clickButton(String name) {
      waitFor(
          "(n) => [...document.querySelectorAll('button')]"
              + ".some((b) => b.textContent.trim().startsWith(n))",
          name);
      call(
          "(n) => { [...document.querySelectorAll('button')]"
              + ".find((b) => b.textContent.trim().startsWith(n)).dataset.bidiTarget = 'yes'; }",
          name);
      click("button[data-bidi-target=yes]");
      call("() => { delete document.querySelector('[data-bidi-target]').dataset.bidiTarget; }");
    }

    /** A pointer press and release at viewport coordinates. */
    void clickAt(int x, int y) {
      ObjectNode params = JSON.createObjectNode().put("context", context);
      ObjectNode pointer = params.putArray("actions").addObject();
      pointer.put("type", "pointer").put("id", "mouse");
      pointer.putObject("parameters").put("pointerType", "mouse");
      ArrayNode steps = pointer.putArray("actions");
      steps.addObject().put("type", "pointerMove").put("x", x).put("y", y);
      steps.addObject().put("type", "pointerDown").put("button", 0);
      steps.addObject().put("type", "pointerUp").put("button", 0);
      send("input.performActions", params);
    }

    /** Clicks the field {@code css} and types {@code text} into it key by key. */
    void type(String css, String text) {
      // A click that lands while the page moves (a list rendered above the field) misses it:
      // click again until the field has the focus.
      String focused = "(s) => document.activeElement === document.querySelector(s)";
      for (int tries = 0; tries < 5 && !call(focused, css).asBoolean(); tries++) {
        click(css);
      }
      if (!call(focused, css).asBoolean()) {
        throw new AssertionError("a click on " + css + " does not focus it");
      }
      call("(s) => { document.querySelector(s).value = ''; }", css);
      keys(text, true, true);
    }

    /** Presses and releases each character of {@code text} (WebDriver key codes allowed). */
    void press(String text) {
      keys(text, true, true);
    }

    /** Holds a key down (until {@link #keyUp}). */
    void keyDown(String key) {
      keys(key, true, false);
    }

    void keyUp(String key) {
      keys(key, false, true);
    }

    private void keys(String text, boolean down, boolean up) {
      ObjectNode params = JSON.createObjectNode().put("context", context);
      ObjectNode keyboard = params.putArray("actions").addObject();
      keyboard.put("type", "key").put("id", "keyboard");
      ArrayNode steps = keyboard.putArray("actions");
      text.codePoints()
          .mapToObj(Character::toString)
          .forEach(
              c -> {
                if (down) {
                  steps.addObject().put("type", "keyDown").put("value", c);
                }
                if (up) {
                  steps.addObject().put("type", "keyUp").put("value", c);
                }
              });
      send("input.performActions", params);
    }

    /** A PNG of the tab's viewport. */
    byte[] screenshot() {
      String data =
          send("browsingContext.captureScreenshot", JSON.createObjectNode().put("context", context))
              .path("data")
              .asText();
      return Base64.getDecoder().decode(data);
    }

    String context() {
      return context;
    }
  }
}
