package org.bluemarble.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.config.SettingsException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bluemarble-node replay ...}: the event journals for game designers. Reads the journal the
 * profile points at (the H2 file under the data directory, or PostgreSQL) with the node's settings
 * and serializers; readable text by default, {@code --json} for tools. Exit codes: 0 done, 1
 * problems found (verify), 2 bad configuration, 3 bad request or unknown entity, 4 journal not
 * answering.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Read and replay the event journals (entities, events, state, diff, verify).",
    subcommands = {
      ReplayCommand.Entities.class,
      ReplayCommand.Events.class,
      ReplayCommand.State.class,
      ReplayCommand.Diff.class,
      ReplayCommand.Verify.class,
      ReplayCommand.WhatIf.class,
      ReplayTail.class
    })
public final class ReplayCommand {
  static final int PROBLEMS = 1;
  static final int BAD_CONFIGURATION = 2;
  static final int BAD_REQUEST = 3;
  static final int UNAVAILABLE = 4;

  @Option(
      names = "--profile",
      description = "embedded (default), local1..3 or production; also BLUEMARBLE_PROFILE.")
  String profile;

  @Option(
      names = "--data-dir",
      description = "The node's data directory (embedded H2 journal); also BLUEMARBLE_DATA_DIR.")
  String dataDir;

  @Option(names = "--json", description = "JSON output for tools.")
  boolean json;

  @Spec CommandSpec spec;

  /** The settings of the chosen profile with the command line's overrides. */
  BlueMarbleSettings settings() {
    Profile p = profile != null ? Profile.fromName(profile) : ConfigLoader.profileFromEnvironment();
    Map<String, Object> overrides = new HashMap<>();
    if (dataDir != null) {
      overrides.put("bluemarble.node.data-dir", dataDir);
    }
    return BlueMarbleSettings.fromConfig(ConfigLoader.load(p, ConfigFactory.parseMap(overrides)));
  }

  /** Runs {@code body} on an opened journal, turning failures into messages and exit codes. */
  int run(Body body) {
    quietLogs();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BlueMarbleSettings settings;
    try {
      settings = settings();
    } catch (SettingsException | IllegalArgumentException e) {
      err.println("bluemarble-node replay: " + e.getMessage());
      return BAD_CONFIGURATION;
    }
    try (ReplayContext ctx = ReplayContext.open(settings)) {
      int code = body.run(ctx.replay(), out);
      out.flush();
      return code;
    } catch (ReplayException e) {
      err.println("bluemarble-node replay: " + e.getMessage());
      return e.kind() == ReplayException.Kind.UNAVAILABLE ? UNAVAILABLE : BAD_REQUEST;
    }
  }

  /** One sub-command's work on the opened journal. */
  @FunctionalInterface
  interface Body {
    int run(Replay replay, PrintWriter out);
  }

  /** The node's INFO logs go to stdout; the CLI keeps stdout for its output. */
  static void quietLogs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      if (System.getenv("BLUEMARBLE_REPLAY_LOG") == null) {
        root.setLevel(ch.qos.logback.classic.Level.OFF);
      }
    }
  }

  private static String shortClass(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String text(JsonNode n) {
    return n == null ? "(absent)" : n.toString();
  }

  @Command(name = "entities", description = "The entities in the journal, with event counts.")
  static final class Entities implements Callable<Integer> {
    @ParentCommand ReplayCommand parent;

    @Option(names = "--type", description = "Only this entity type, e.g. Player, Market.")
    String type;

    @Override
    public Integer call() {
      return parent.run(
          (replay, out) -> {
            List<Replay.EntityInfo> all = replay.entities(type);
            if (parent.json) {
              out.println(replay.json().write(all));
              return 0;
            }
            out.printf("%-14s %-40s %8s %10s%n", "TYPE", "ID", "EVENTS", "LAST-SEQ");
            for (Replay.EntityInfo e : all) {
              out.printf(
                  "%-14s %-40s %8d %10d%s%n",
                  e.entityType(),
                  e.entityId(),
                  e.events(),
                  e.highestSequenceNr(),
                  e.replayable() ? "" : "  (events only)");
            }
            out.println(all.size() + " entities");
            return 0;
          });
    }
  }

  @Command(name = "events", description = "An entity's events in order.")
  static final class Events implements Callable<Integer> {
    @ParentCommand ReplayCommand parent;

    @Parameters(index = "0", description = "Persistence id, e.g. Player|<id> or Market|capital.")
    String persistenceId;

    @Option(names = "--from", description = "First sequence number.", defaultValue = "1")
    long from;

    @Option(names = "--to", description = "Last sequence number (default: the last).")
    Long to;

    @Override
    public Integer call() {
      return parent.run(
          (replay, out) -> {
            List<JournalEvent> events =
                replay.events(persistenceId, from, to == null ? Long.MAX_VALUE : to);
            if (parent.json) {
              out.println(replay.json().write(events));
              return 0;
            }
            for (JournalEvent e : events) {
              out.printf(
                  "#%-6d %s %s %s%n",
                  e.sequenceNr(),
                  e.timestamp(),
                  shortClass(e.eventClass()),
                  e.error() != null ? "UNREADABLE: " + e.error() : e.event().toString());
            }
            out.println(events.size() + " events of " + persistenceId);
            return 0;
          });
    }
  }

  @Command(
      name = "state",
      description = "An entity's state at a sequence number or a time (its events folded).")
  static final class State implements Callable<Integer> {
    @ParentCommand ReplayCommand parent;

    @Parameters(index = "0", description = "Persistence id.")
    String persistenceId;

    @Option(names = "--at-seq", description = "After this event (default: the last).")
    Long atSeq;

    @Option(
        names = "--at-time",
        description = "After the last event at or before this ISO-8601 instant.")
    String atTime;

    @Override
    public Integer call() {
      Instant time;
      try {
        time = atTime == null ? null : Instant.parse(atTime);
      } catch (DateTimeParseException e) {
        parent
            .spec
            .commandLine()
            .getErr()
            .println(
                "bluemarble-node replay: --at-time must be an ISO-8601 instant such as"
                    + " 2026-12-07T04:00:00Z, was "
                    + atTime);
        return BAD_REQUEST;
      }
      if (atSeq != null && time != null) {
        parent
            .spec
            .commandLine()
            .getErr()
            .println("bluemarble-node replay: give --at-seq or --at-time, not both");
        return BAD_REQUEST;
      }
      return parent.run(
          (replay, out) -> {
            Replay.StateAt s = replay.state(persistenceId, atSeq, time);
            if (parent.json) {
              out.println(replay.json().write(s));
              return 0;
            }
            out.printf(
                "%s after event %d (%s), state hash %s%n",
                s.persistenceId(), s.sequenceNr(), s.timestamp(), s.hash());
            out.println(replay.json().pretty(s.state()));
            return 0;
          });
    }
  }

  @Command(name = "diff", description = "What changed in an entity's state between two events.")
  static final class Diff implements Callable<Integer> {
    @ParentCommand ReplayCommand parent;

    @Parameters(index = "0", description = "Persistence id.")
    String persistenceId;

    @Option(names = "--from", required = true, description = "After this event (0: empty).")
    long from;

    @Option(names = "--to", required = true, description = "After this event.")
    long to;

    @Override
    public Integer call() {
      return parent.run(
          (replay, out) -> {
            Replay.Diff d = replay.diff(persistenceId, from, to);
            if (parent.json) {
              out.println(replay.json().write(d));
              return 0;
            }
            out.printf(
                "%s from event %d to %d: %d events %s%n",
                d.persistenceId(),
                d.fromSequenceNr(),
                d.toSequenceNr(),
                d.eventClasses().size(),
                d.eventClasses());
            for (Replay.Change c : d.changes()) {
              out.printf("  %s: %s -> %s%n", c.path(), text(c.before()), text(c.after()));
            }
            out.println(d.changes().size() + " changes");
            return 0;
          });
    }
  }

  @Command(
      name = "verify",
      description =
          "Integrity check: gaps in sequence numbers, unreadable events, snapshots that differ"
              + " from the fold.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand ReplayCommand parent;

    @Option(names = "--type", description = "Only this entity type.")
    String type;

    @Override
    public Integer call() {
      return parent.run(
          (replay, out) -> {
            Replay.Verification v = replay.verify(type);
            if (parent.json) {
              out.println(replay.json().write(v));
            } else {
              for (Replay.Problem p : v.problems()) {
                out.printf(
                    "%s #%d %s: %s%n", p.persistenceId(), p.sequenceNr(), p.kind(), p.detail());
              }
              out.printf(
                  "%d entities, %d events, %d snapshots compared: %s%n",
                  v.entities(),
                  v.events(),
                  v.snapshotsCompared(),
                  v.ok() ? "OK" : v.problems().size() + " problems");
            }
            return v.ok() ? 0 : PROBLEMS;
          });
    }
  }

  @Command(
      name = "what-if",
      description =
          "Replays an entity under changed rules and prints what would have differed (markets:"
              + " listing-fee-basis-points, transaction-fee-basis-points).")
  static final class WhatIf implements Callable<Integer> {
    @ParentCommand ReplayCommand parent;

    @Parameters(index = "0", description = "Persistence id, e.g. Market|capital.")
    String persistenceId;

    @Option(
        names = "--set",
        required = true,
        description = "A rule to change, key=value (repeatable).")
    Map<String, String> rules = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
      return parent.run(
          (replay, out) -> {
            Replay.WhatIf w = replay.whatIf(persistenceId, rules);
            if (parent.json) {
              out.println(replay.json().write(w));
              return 0;
            }
            out.printf(
                "%s replayed to event %d with %s: %d differences (hash %s -> %s)%n",
                w.persistenceId(),
                w.sequenceNr(),
                w.rules(),
                w.changes().size(),
                w.actualHash().substring(0, 12),
                w.whatIfHash().substring(0, 12));
            for (Replay.Change c : w.changes()) {
              out.printf("  %s: %s -> %s%n", c.path(), text(c.before()), text(c.after()));
            }
            return 0;
          });
    }
  }
}
