package org.bluemarble.edge.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request path against an OpenAPI path template such as {@code
 * /admin/v1/accounts/{accountId}/ban}: literal segments must be equal, a {@code {name}} segment
 * matches any one non-empty segment. A trailing slash is ignored.
 */
public final class PathTemplate {
  private PathTemplate() {}

  /** The template's variables bound to the path's segments, or empty when it does not match. */
  public static Optional<Map<String, String>> match(String template, String path) {
    String[] t = segments(template);
    String[] p = segments(path);
    if (t.length != p.length) {
      return Optional.empty();
    }
    Map<String, String> bound = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i].startsWith("{") && t[i].endsWith("}")) {
        if (p[i].isEmpty()) {
          return Optional.empty();
        }
        bound.put(t[i].substring(1, t[i].length() - 1), p[i]);
      } else if (!t[i].equals(p[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(bound);
  }

  private static String[] segments(String path) {
    String trimmed =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return trimmed.split("/", -1);
  }
}
