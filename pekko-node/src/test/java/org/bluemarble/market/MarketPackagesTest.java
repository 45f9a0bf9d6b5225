package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The economy's sub-packages depend on each other one way only: the holdings below the sagas, the
 * sagas below the aggregates that run them, the node wiring on top. Read from the sources'
 * references (comments left out), so a new cycle fails here, before it grows.
 */
class MarketPackagesTest {
  private static final Path ROOT = Path.of("src/main/java/org/bluemarble/market");
  private static final Pattern REF =
      Pattern.compile("org\\.bluemarble\\.market\\.([a-z]+)\\.[A-Z]");

  @Test
  void subPackagesFormNoCycle() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertThat(uses).containsKeys("holdings", "saga", "listing", "exchange", "treasury", "node");
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      findCycle(uses, start, new ArrayList<>(List.of(start)), cycles);
    }
    assertThat(cycles).as("package cycles in %s", uses).isEmpty();
  }

  @Test
  void holdingsUseNeitherTheSagasNorTheTreasury() throws IOException {
    assertThat(dependencies().get("holdings")).doesNotContain("saga", "treasury");
  }

  private static void findCycle(
      Map<String, Set<String>> uses, String start, List<String> path, List<String> cycles) {
    for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
      if (next.equals(start)) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      } else if (!path.contains(next) && next.compareTo(start) > 0) {
        path.add(next);
        findCycle(uses, start, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  /** Sub-package to the other sub-packages its code names. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = ROOT.relativize(file);
        if (relative.getNameCount() < 2) {
          continue;
        }
        String pkg = relative.getName(0).toString();
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        for (String line : Files.readAllLines(file)) {
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
            continue;
          }
          Matcher m = REF.matcher(code);
          while (m.find()) {
            if (!m.group(1).equals(pkg)) {
              used.add(m.group(1));
            }
          }
        }
      }
    }
    return uses;
  }
}
