package org.bluemarble.load.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluemarble.load.account.JsonHttp;
import org.bluemarble.load.scenario.LatLng;

/**
 * Reads the node's tick statistics through the admin API: {@code GET /admin/v1/world} for the
 * configured rates and zone level, then {@code GET /admin/v1/world/cells/{cellId}} for the zone
 * cells under the bots (ticks and overruns counters), once at the start and once at the end of the
 * steady state. Every failure is tolerated and reported as a note: the load test never needs it.
 */
public final class ServerProbe {

  /** Cells read at most (the bots' cells, in start-point order). */
  static final int MAX_CELLS = 16;

  private final JsonHttp http;
  private final String token;
  private JsonNode world;
  private final List<String> cells = new ArrayList<>();
  private final Map<String, long[]> first = new HashMap<>();
  private long firstNanos;
  private String note;

  /** A probe using an Admin's access token (null: the probe reports it has none). */
  public ServerProbe(JsonHttp http, String token) {
    this.http = http;
    this.token = token;
    if (token == null) {
      note = "no --admin given: server tick statistics not read";
    }
  }

  /** The world view (tickHz, snapshotHz, aoiRadiusMeters, zoneLevel...), or null. */
  public JsonNode world() {
    if (world == null && note == null) {
      try {
        JsonHttp.Response r = http.get("/admin/v1/world", token);
        if (r.status() == 200) {
          world = r.body();
        } else {
          note = "GET /admin/v1/world answered " + r.status();
        }
      } catch (RuntimeException e) {
        note = "GET /admin/v1/world failed: " + e.getMessage();
      }
    }
    return world;
  }

  /** Reads the counters of the cells under {@code points}: the start of the measured window. */
  public void begin(List<LatLng> points) {
    JsonNode w = world();
    if (w == null) {
      return;
    }
    int level = w.path("zoneLevel").asInt(-1);
    if (level < 0 || level > S2CellId.MAX_LEVEL) {
      note = "world view has no usable zoneLevel";
      return;
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (LatLng p : points) {
      tokens.add(
          S2CellId.fromLatLng(S2LatLng.fromDegrees(p.latDeg(), p.lngDeg()))
              .parent(level)
              .toToken());
      if (tokens.size() >= MAX_CELLS) {
        break;
      }
    }
    cells.addAll(tokens);
    firstNanos = System.nanoTime();
    for (String cell : cells) {
      long[] c = counters(cell);
      if (c != null) {
        first.put(cell, c);
      }
    }
  }

  /** Reads the counters again and returns the statistics of the window. */
  public ServerStats end() {
    JsonNode w = world;
    if (w == null) {
      return ServerStats.unavailable(note);
    }
    double seconds = (System.nanoTime() - firstNanos) / 1e9;
    Double minRate = null;
    long overruns = 0;
    int sampled = 0;
    for (String cell : cells) {
      long[] a = first.get(cell);
      long[] b = a == null ? null : counters(cell);
      if (b == null) {
        continue;
      }
      sampled++;
      double rate = (b[0] - a[0]) / seconds;
      minRate = minRate == null ? rate : Math.min(minRate, rate);
      overruns += b[1] - a[1];
    }
    return new ServerStats(
        w.path("tickHz").isNumber() ? w.path("tickHz").asInt() : null,
        w.path("snapshotHz").isNumber() ? w.path("snapshotHz").asInt() : null,
        w.path("aoiRadiusMeters").isNumber() ? w.path("aoiRadiusMeters").asDouble() : null,
        sampled,
        minRate,
        sampled == 0 ? null : overruns,
        sampled == 0 ? (note == null ? "no zone cell statistics could be read" : note) : note);
  }

  private long[] counters(String cell) {
    try {
      JsonHttp.Response r = http.get("/admin/v1/world/cells/" + cell, token);
      if (r.status() != 200 || !r.body().path("ticks").isNumber()) {
        note = "GET /admin/v1/world/cells/" + cell + " answered " + r.status();
        return null;
      }
      return new long[] {r.body().path("ticks").asLong(), r.body().path("overruns").asLong()};
    } catch (RuntimeException e) {
      note = "reading cell " + cell + " failed: " + e.getMessage();
      return null;
    }
  }
}
