package org.bluemarble.stream;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bluemarble.config.SettingsException;

/**
 * A/B experiments: each experiment names its variants (config {@code
 * bluemarble.stream.experiments}, experiment name → list of variants; list a variant twice to give
 * it twice the share). An account's variant is a pure function of the account id and the
 * experiment's name (SHA-256, so the same on every node and JVM, and independent between
 * experiments), never stored.
 */
public record Experiments(Map<String, List<String>> variants) {
  public static final String KEY = "bluemarble.stream.experiments";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public Experiments {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    variants.forEach(
        (name, list) -> {
          if (!NAME.matcher(name).matches()) {
            throw SettingsException.invalid(
                KEY + "." + name, name, "a name of 1-64 [A-Za-z0-9._-]");
          }
          if (list.isEmpty() || list.stream().anyMatch(v -> !NAME.matcher(v).matches())) {
            throw SettingsException.invalid(
                KEY + "." + name, list, "a non-empty list of variant names of 1-64 [A-Za-z0-9._-]");
          }
          copy.put(name, List.copyOf(list));
        });
    variants = Collections.unmodifiableMap(copy);
  }

  public static final Experiments NONE = new Experiments(Map.of());

  public static Experiments fromConfig(Config config) {
    if (!config.hasPath(KEY)) {
      return NONE;
    }
    Config section = config.getConfig(KEY);
    Map<String, List<String>> variants = new TreeMap<>();
    for (String name : section.root().keySet()) {
      try {
        variants.put(name, section.getStringList(com.typesafe.config.ConfigUtil.joinPath(name)));
      } catch (ConfigException e) {
        throw SettingsException.invalid(
            KEY + "." + name, section.root().get(name).unwrapped(), "a list of variant names");
      }
    }
    return new Experiments(variants);
  }

  /** The variant of {@code experiment} for {@code accountId}; null for an unknown experiment. */
  public String variant(String experiment, String accountId) {
    List<String> list = variants.get(experiment);
    if (list == null) {
      return null;
    }
    return list.get((int) Math.floorMod(hash(experiment, accountId), (long) list.size()));
  }

  /** Every experiment's variant for {@code accountId}, by experiment name. */
  public Map<String, String> assign(String accountId) {
    Map<String, String> out = new TreeMap<>();
    for (String experiment : variants.keySet()) {
      out.put(experiment, variant(experiment, accountId));
    }
    return out;
  }

  private static long hash(String experiment, String accountId) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((experiment + '\n' + accountId).getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
