package org.bluemarble.edge.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.AnalyticsPort;

/**
 * {@code GET /admin/v1/analytics/daily?from&to}: the daily analytics counters of the days in [from,
 * to] (UTC dates, default the last 30 days, at most 366 days). Admin only; read-only.
 */
public final class AnalyticsRoutes extends AllDirectives {
  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET",
              "/admin/v1/analytics/daily",
              Set.of(),
              "Daily analytics counters: registrations, characters, active players, economy volume"));

  /** Longest range one request may ask for, in days. */
  public static final int MAX_DAYS = 366;

  private final AnalyticsPort analytics;

  public AnalyticsRoutes(AnalyticsPort analytics) {
    this.analytics = analytics;
  }

  /** The reply: the range asked for and its counters. */
  public record Daily(String from, String to, List<AnalyticsPort.DailyMetric> metrics) {}

  public Route route() {
    return path(
        PathMatchers.segment("admin").slash("v1").slash("analytics").slash("daily"),
        () ->
            get(
                () ->
                    parameterMap(
                        params -> {
                          LocalDate today = LocalDate.now(ZoneOffset.UTC);
                          LocalDate to = date(params, "to", today);
                          LocalDate from = date(params, "from", to.minusDays(29));
                          if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                            throw QueryParams.invalid(
                                "from",
                                from.toString(),
                                "a date not after to="
                                    + to
                                    + " and at most "
                                    + MAX_DAYS
                                    + " days before it");
                          }
                          return onSuccess(
                              analytics.daily(from, to),
                              metrics ->
                                  complete(
                                      StatusCodes.OK,
                                      new Daily(from.toString(), to.toString(), metrics),
                                      Json.marshaller()));
                        })));
  }

  private static LocalDate date(Map<String, String> params, String name, LocalDate fallback) {
    String v = QueryParams.text(params, name);
    if (v == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw QueryParams.invalid(name, v, "an ISO-8601 date such as 2026-12-01");
    }
  }
}
