package org.bluemarble.edge.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.bluemarble.edge.port.PortException;

/**
 * Parsing of admin query parameters; a bad value fails with INVALID_INPUT naming the parameter, the
 * value and what is allowed.
 */
final class QueryParams {
  private QueryParams() {}

  static String text(Map<String, String> params, String name) {
    String v = params.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static Instant instant(Map<String, String> params, String name) {
    String v = text(params, name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw invalid(name, v, "an ISO-8601 instant such as 2026-11-25T04:00:00Z");
    }
  }

  static int integer(Map<String, String> params, String name, int fallback, int min, int max) {
    String v = text(params, name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw invalid(name, v, "an integer in [" + min + ", " + max + "]");
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(name, v, "an integer in [" + min + ", " + max + "]");
    }
  }

  static PortException invalid(String name, String value, String allowed) {
    return new PortException(
        PortException.Code.INVALID_INPUT,
        "query parameter " + name + "=" + value + " is invalid: expected " + allowed);
  }
}
