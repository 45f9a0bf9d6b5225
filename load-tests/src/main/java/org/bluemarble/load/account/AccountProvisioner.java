package org.bluemarble.load.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bluemarble.load.scenario.LatLng;

/**
 * Creates the bots' accounts and characters before a run. With an admin login it uses the embedded
 * profile's bulk route {@code POST /admin/v1/load-test/accounts} (one request, characters placed at
 * the scenario's start points); without one, or when that route is absent, it registers, logs in
 * and creates a character per bot through the public API (slow: one Argon2id hash per account on
 * the server), a few at a time.
 */
public final class AccountProvisioner {

  /** Password of every bot account (bots are throw-away accounts on a test node). */
  static final String BOT_PASSWORD = "load-test-bot-password";

  /** Character class of the bots' characters. */
  public static final String CHARACTER_CLASS = "Warrior";

  /** Accounts per bulk request (the route takes up to 10,000). */
  static final int BULK_CHUNK = 2_000;

  /** Public-API requests in flight at once in the fallback path. */
  static final int PARALLEL = 4;

  private final JsonHttp http;
  private final Consumer<String> log;

  /** Provisions through {@code http}, reporting progress to {@code log}. */
  public AccountProvisioner(JsonHttp http, Consumer<String> log) {
    this.http = http;
    this.log = log;
  }

  /**
   * Accounts for bots named {@code prefix + i}, one per start point. {@code admin} is {@code
   * user:password} or null.
   */
  public List<BotAccount> provision(String prefix, List<LatLng> starts, String admin) {
    if (admin != null) {
      String token =
          login(admin.substring(0, admin.indexOf(':')), admin.substring(admin.indexOf(':') + 1));
      List<BotAccount> bulk = bulk(prefix, starts, token);
      if (bulk != null) {
        return bulk;
      }
      log.accept("bulk route not available: falling back to register + login per bot");
    }
    return oneByOne(prefix, starts.size());
  }

  private List<BotAccount> bulk(String prefix, List<LatLng> starts, String adminToken) {
    List<BotAccount> out = new ArrayList<>();
    for (int from = 0; from < starts.size(); from += BULK_CHUNK) {
      List<LatLng> chunk = starts.subList(from, Math.min(starts.size(), from + BULK_CHUNK));
      List<BotAccount> created =
          bulkChunk(prefix + "c" + (from / BULK_CHUNK) + "n", chunk, adminToken);
      if (created == null) {
        return null;
      }
      out.addAll(created);
    }
    log.accept("created " + out.size() + " bot accounts with the bulk route");
    return out;
  }

  private List<BotAccount> bulkChunk(String prefix, List<LatLng> starts, String adminToken) {
    List<Map<String, Double>> positions = new ArrayList<>();
    starts.forEach(p -> positions.add(Map.of("latitude", p.latDeg(), "longitude", p.lngDeg())));
    JsonHttp.Response r =
        http.post(
            "/admin/v1/load-test/accounts",
            Map.of(
                "prefix", prefix,
                "count", starts.size(),
                "characterClass", CHARACTER_CLASS,
                "positions", positions),
            adminToken,
            Duration.ofMinutes(10));
    if (r.status() == 404 || r.status() == 405) {
      return null;
    }
    if (r.status() != 201 && r.status() != 200) {
      throw new ProvisioningException(
          "bulk account route answered " + r.status() + ": " + r.body());
    }
    List<BotAccount> out = new ArrayList<>();
    for (JsonNode a : r.body().path("accounts")) {
      out.add(
          new BotAccount(
              a.path("username").asText(),
              a.path("playerId").asText(),
              a.path("accessToken").asText()));
    }
    if (out.size() != starts.size()) {
      throw new ProvisioningException(
          "bulk account route returned " + out.size() + " accounts, asked for " + starts.size());
    }
    return out;
  }

  private List<BotAccount> oneByOne(String prefix, int count) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<BotAccount>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String username = prefix + i;
        futures.add(pool.submit(() -> registerOne(username)));
      }
      List<BotAccount> out = new ArrayList<>();
      for (Future<BotAccount> f : futures) {
        out.add(f.get());
      }
      log.accept("registered " + out.size() + " bot accounts through the public API");
      return out;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ProvisioningException(
          "registering a bot failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while registering bots", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private BotAccount registerOne(String username) {
    JsonHttp.Response reg =
        http.post(
            "/v1/auth/register",
            Map.of(
                "username", username, "password", BOT_PASSWORD, "email", username + "@load.test"),
            null);
    if (reg.status() != 201 && reg.status() != 409) {
      throw new ProvisioningException(
          "register " + username + " answered " + reg.status() + ": " + reg.body());
    }
    String token = login(username, BOT_PASSWORD);
    JsonHttp.Response ch =
        http.post(
            "/v1/characters", Map.of("name", username, "characterClass", CHARACTER_CLASS), token);
    if (ch.status() != 201) {
      throw new ProvisioningException(
          "create character for " + username + " answered " + ch.status() + ": " + ch.body());
    }
    return new BotAccount(username, ch.body().path("playerId").asText(), token);
  }

  /** Logs in and returns the access token. */
  public String login(String username, String password) {
    JsonHttp.Response r =
        http.post("/v1/auth/login", Map.of("username", username, "password", password), null);
    if (r.status() != 200) {
      throw new ProvisioningException(
          "login of " + username + " answered " + r.status() + ": " + r.body());
    }
    return r.body().path("accessToken").asText();
  }
}
