package org.bluemarble.edge.admin;

import java.time.Duration;
import java.time.Instant;
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
 * to] (UTC dates, default the last 30 days, at most 366 days); {@code sessions} and {@code active}
 * (session lengths, DAU and MAU) over the same kind of range; {@code ccu?from&to}: concurrent
 * characters per minute (instants, default the last hour, at most one day). Admin only; read-only.
 */
public final class AnalyticsRoutes extends AllDirectives {
  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET",
              "/admin/v1/analytics/daily",
              Set.of(),
              "Daily analytics counters: registrations, characters, active players, economy volume"),
          new AdminEndpoint(
              "GET", "/admin/v1/analytics/ccu", Set.of(), "Concurrent characters per minute"),
          new AdminEndpoint(
              "GET", "/admin/v1/analytics/sessions", Set.of(), "Session lengths per day"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/analytics/active",
              Set.of(),
              "Daily and monthly active characters"));

  /** Longest CCU range one request may ask for. */
  public static final Duration MAX_CCU_RANGE = Duration.ofDays(1);

  /** Longest range one request may ask for, in days. */
  public static final int MAX_DAYS = 366;

  private final AnalyticsPort analytics;

  public AnalyticsRoutes(AnalyticsPort analytics) {
    this.analytics = analytics;
  }

  /** The reply: the range asked for and its counters. */
  public record Daily(String from, String to, List<AnalyticsPort.DailyMetric> metrics) {}

  /** The reply of {@code ccu}: the range asked for (whole minutes) and its minutes. */
  public record Ccu(String from, String to, List<AnalyticsPort.MinuteCount> minutes) {}

  /** The reply of {@code sessions}. */
  public record Sessions(String from, String to, List<AnalyticsPort.SessionDay> days) {}

  /** The reply of {@code active}. */
  public record Active(String from, String to, List<AnalyticsPort.ActiveDay> days) {}

  public Route route() {
    return concat(
        days(
            "daily",
            (from, to) ->
                onSuccess(
                    analytics.daily(from, to),
                    metrics ->
                        complete(
                            StatusCodes.OK,
                            new Daily(from.toString(), to.toString(), metrics),
                            Json.marshaller()))),
        days(
            "sessions",
            (from, to) ->
                onSuccess(
                    analytics.sessions(from, to),
                    days ->
                        complete(
                            StatusCodes.OK,
                            new Sessions(from.toString(), to.toString(), days),
                            Json.marshaller()))),
        days(
            "active",
            (from, to) ->
                onSuccess(
                    analytics.active(from, to),
                    days ->
                        complete(
                            StatusCodes.OK,
                            new Active(from.toString(), to.toString(), days),
                            Json.marshaller()))),
        path(
            PathMatchers.segment("admin").slash("v1").slash("analytics").slash("ccu"),
            () ->
                get(
                    () ->
                        parameterMap(
                            params -> {
                              Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                              Instant to = instant(params, "to", now.plus(Duration.ofMinutes(1)));
                              Instant from = instant(params, "from", to.minus(Duration.ofHours(1)));
                              if (!from.isBefore(to)
                                  || Duration.between(from, to).compareTo(MAX_CCU_RANGE) > 0) {
                                throw QueryParams.invalid(
                                    "from",
                                    from.toString(),
                                    "an instant before to="
                                        + to
                                        + " and at most "
                                        + MAX_CCU_RANGE.toHours()
                                        + " hours before it");
                              }
                              return onSuccess(
                                  analytics.ccu(from, to),
                                  minutes ->
                                      complete(
                                          StatusCodes.OK,
                                          new Ccu(from.toString(), to.toString(), minutes),
                                          Json.marshaller()));
                            }))));
  }

  /** {@code GET /admin/v1/analytics/<name>?from&to} over a range of UTC days. */
  private Route days(
      String name, java.util.function.BiFunction<LocalDate, LocalDate, Route> inner) {
    return path(
        PathMatchers.segment("admin").slash("v1").slash("analytics").slash(name),
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
                          return inner.apply(from, to);
                        })));
  }

  /** {@code name}, truncated to the minute, or {@code fallback}. */
  private static Instant instant(Map<String, String> params, String name, Instant fallback) {
    Instant v = QueryParams.instant(params, name);
    return (v == null ? fallback : v).truncatedTo(ChronoUnit.MINUTES);
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
