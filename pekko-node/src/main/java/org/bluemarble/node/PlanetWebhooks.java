package org.bluemarble.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bluemarble.config.PlanetSettings;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.InvalidFieldException;
import org.bluemarble.edge.port.PlanetPort.GenerationTask;
import org.bluemarble.edge.port.PlanetPort.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generation webhooks: registrations per user (in this node's memory: a restart forgets them), and
 * deliveries of {@code planet.generation.started|completed|failed} as JSON POSTs signed with
 * HMAC-SHA256 over the exact body ({@value #SIGNATURE_HEADER}: {@code sha256=<hex>}), retried on
 * any answer but 2xx (and on no answer) after {@code initial-backoff}, doubling up to {@code
 * max-backoff}, at most {@code max-attempts} times. Redirects are not followed and targets can be
 * restricted to an allow-list of hosts (SSRF).
 */
final class PlanetWebhooks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlanetWebhooks.class);

  static final String STARTED = "planet.generation.started";
  static final String COMPLETED = "planet.generation.completed";
  static final String FAILED = "planet.generation.failed";
  static final Set<String> EVENTS = Set.of(STARTED, COMPLETED, FAILED);
  static final String SIGNATURE_HEADER = "X-BlueMarble-Signature";
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 256;

  private final PlanetSettings.Webhooks settings;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final HttpClient http;
  private final Map<String, List<Registration>> byOwner = new ConcurrentHashMap<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong givenUp = new AtomicLong();

  /** One registration; the secret stays here. */
  private record Registration(Webhook webhook, byte[] secret) {}

  PlanetWebhooks(PlanetSettings.Webhooks settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.scheduler =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "planet-webhooks-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(scheduler)
            .build();
  }

  Webhook register(String owner, URI url, Set<String> events, String secret) {
    checkUrl(url);
    if (events == null || events.isEmpty()) {
      throw new InvalidFieldException("events", "[]", "name at least one of " + EVENTS);
    }
    for (String e : events) {
      if (!EVENTS.contains(e)) {
        throw new InvalidFieldException("events", String.valueOf(e), "must be one of " + EVENTS);
      }
    }
    if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
      throw new InvalidFieldException(
          "secret",
          secret == null ? "" : "(" + secret.length() + " characters)",
          "must be " + MIN_SECRET + "-" + MAX_SECRET + " characters");
    }
    List<Registration> mine = byOwner.computeIfAbsent(owner, o -> new CopyOnWriteArrayList<>());
    synchronized (mine) {
      if (mine.size() >= settings.maxPerUser()) {
        throw new InvalidFieldException(
            "url",
            url.toString(),
            "at most " + settings.maxPerUser() + " webhooks per user on this server");
      }
      Webhook webhook =
          new Webhook(UUID.randomUUID().toString(), url, Set.copyOf(events), clock.instant());
      mine.add(new Registration(webhook, secret.getBytes(StandardCharsets.UTF_8)));
      return webhook;
    }
  }

  private void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new InvalidFieldException("url", url.toString(), "must be an http or https URL");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new InvalidFieldException("url", url.toString(), "must name a host");
    }
    if (url.getRawUserInfo() != null) {
      throw new InvalidFieldException("url", url.toString(), "must not carry credentials");
    }
    List<String> allowed = settings.allowedHosts();
    if (!allowed.isEmpty() && allowed.stream().noneMatch(h -> h.equalsIgnoreCase(url.getHost()))) {
      throw new InvalidFieldException(
          "url", url.toString(), "host is not among bluemarble.planet.webhooks.allowed-hosts");
    }
    if (allowed.isEmpty() && !settings.allowPrivateTargets()) {
      String host = url.getHost().toLowerCase(Locale.ROOT);
      boolean local = host.equals("localhost") || host.endsWith(".localhost");
      if (local || literal(host).map(PlanetWebhooks::privateAddress).orElse(false)) {
        throw new InvalidFieldException(
            "url", url.toString(), "must not target a loopback, private or link-local address");
      }
    }
  }

  /** The address of an IP literal host (no name lookup), if it is one. */
  private static Optional<InetAddress> literal(String host) {
    boolean v4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = host.startsWith("[") && host.endsWith("]");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Loopback, private (RFC 1918, IPv6 unique local), link-local, unspecified or multicast. */
  static boolean privateAddress(InetAddress address) {
    byte[] raw = address.getAddress();
    boolean uniqueLocal = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()
        || uniqueLocal;
  }

  /**
   * Why a delivery to {@code url} must not be made (its host resolves to a private address), or
   * empty. Runs on the webhook thread: the lookup blocks.
   */
  private Optional<String> refusedTarget(URI url) {
    if (settings.allowPrivateTargets()
        || settings.allowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(url.getHost()))) {
      return Optional.empty();
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
        if (privateAddress(a)) {
          return Optional.of(url.getHost() + " resolves to the private address " + a);
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      // Not refused: the delivery fails and is retried, as for any unreachable receiver.
      return Optional.empty();
    }
  }

  /** Sends {@code event} of {@code task} to every webhook of {@code owner} that asked for it. */
  void publish(String owner, String event, GenerationTask task, Duration duration) {
    List<Registration> mine = byOwner.get(owner);
    if (mine == null) {
      return;
    }
    for (Registration r : mine) {
      if (!r.webhook().events().contains(event)) {
        continue;
      }
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("id", UUID.randomUUID().toString());
      body.put("event", event);
      body.put("timestamp", clock.instant().toString());
      ObjectNode data = body.putObject("data");
      data.put("taskId", task.taskId());
      data.put("planetId", task.planetId());
      data.put("status", task.status());
      data.put("duration", duration.toString());
      if (COMPLETED.equals(event)) {
        data.put("downloadUrl", "/v1/planet/" + task.planetId() + "/download");
      }
      if (task.error() != null) {
        data.put("error", task.error());
      }
      body.putObject("user").put("id", owner);
      body.put("webhookId", r.webhook().id());
      byte[] bytes;
      try {
        bytes = Json.MAPPER.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      attempt(r, event, body.path("id").asText(), bytes, 1);
    }
  }

  private void attempt(Registration r, String event, String deliveryId, byte[] body, int n) {
    if (scheduler.isShutdown()) {
      return;
    }
    scheduler.execute(() -> send(r, event, deliveryId, body, n));
  }

  private void send(Registration r, String event, String deliveryId, byte[] body, int n) {
    Optional<String> refused = refusedTarget(r.webhook().url());
    if (refused.isPresent()) {
      givenUp.incrementAndGet();
      log.warn(
          "webhook {} {} delivery {} refused: {}",
          r.webhook().id(),
          event,
          deliveryId,
          refused.get());
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(r.webhook().url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header(SIGNATURE_HEADER, "sha256=" + sign(r.secret(), body))
            .header("X-BlueMarble-Event", event)
            .header("X-BlueMarble-Delivery", deliveryId)
            .header("X-BlueMarble-Attempt", Integer.toString(n))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
                return;
              }
              String why =
                  error != null
                      ? BlueMarbleNode.rootMessage(error)
                      : "HTTP " + response.statusCode();
              if (n >= settings.maxAttempts() || scheduler.isShutdown()) {
                givenUp.incrementAndGet();
                log.warn(
                    "webhook {} {} delivery {} given up after {} attempts: {}",
                    r.webhook().id(),
                    event,
                    deliveryId,
                    n,
                    why);
                return;
              }
              Duration wait = backoff(n);
              log.info(
                  "webhook {} {} attempt {} failed ({}); retrying in {}",
                  r.webhook().id(),
                  event,
                  n,
                  why,
                  wait);
              scheduler.schedule(
                  () -> send(r, event, deliveryId, body, n + 1),
                  wait.toMillis(),
                  TimeUnit.MILLISECONDS);
            });
  }

  /** The wait after failed attempt {@code n} (1-based): initial × 2^(n-1), at most max-backoff. */
  Duration backoff(int n) {
    long millis = settings.initialBackoff().toMillis() << Math.min(30, n - 1);
    return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
  }

  static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  long delivered() {
    return delivered.get();
  }

  long givenUp() {
    return givenUp.get();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
