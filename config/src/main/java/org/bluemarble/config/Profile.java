package org.bluemarble.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named set of defaults: the HOCON file {@code <name>.conf} of this module that the node loads.
 */
public enum Profile {
  /** One node that joins itself; H2 journal under ./data; everything on 127.0.0.1. */
  EMBEDDED,
  /** Node 1 of the three-node cluster on one machine (PostgreSQL). */
  LOCAL1,
  /** Node 2 of the three-node cluster on one machine (PostgreSQL). */
  LOCAL2,
  /** Node 3 of the three-node cluster on one machine (PostgreSQL). */
  LOCAL3,
  /** Everything from environment variables. */
  PRODUCTION,
  /** Production, with cluster bootstrap through the Kubernetes API instead of seed nodes. */
  KUBERNETES;

  /** The profile's name as users type it, e.g. {@code local1}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a profile name (case-insensitive), or fails with a one-line message listing the allowed
   * names.
   */
  public static Profile fromName(String name) {
    for (Profile p : values()) {
      if (p.id().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return p;
      }
    }
    throw SettingsException.invalid("bluemarble.profile", name, "one of " + allowedNames());
  }

  static String allowedNames() {
    return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
  }
}
