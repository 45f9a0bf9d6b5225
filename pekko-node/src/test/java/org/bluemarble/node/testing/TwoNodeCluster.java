package org.bluemarble.node.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.bluemarble.config.Profile;

/**
 * Two {@link InProcessNode}s that form one cluster over one shared in-memory H2 journal: node A on
 * free remote port is the seed, node B joins it, and {@link #start} returns once node B's admin API
 * lists both members. For the tests of what crosses nodes (takeover, names, chat). Close it to stop
 * B, then A.
 */
public final class TwoNodeCluster implements AutoCloseable {
  private final InProcessNode a;
  private final InProcessNode b;

  private TwoNodeCluster(InProcessNode a, InProcessNode b) {
    this.a = a;
    this.b = b;
  }

  /**
   * Starts both nodes.
   *
   * @param journalName a prefix of the shared journal's name (made unique per call)
   * @param configFor each node's own settings by its name ("a" or "b"); the journal, remote port
   *     and seed nodes are added to them
   * @param wait how long the two may take to see each other
   */
  public static TwoNodeCluster start(
      String journalName, Function<String, Map<String, Object>> configFor, Duration wait) {
    String journal = "jdbc:h2:mem:" + journalName + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    int[] remote = {FreePorts.next(), FreePorts.next()};
    List<String> seeds = List.of("127.0.0.1:" + remote[0]);
    InProcessNode a =
        InProcessNode.start(
            Profile.EMBEDDED, config(configFor.apply("a"), journal, remote[0], seeds));
    InProcessNode b =
        InProcessNode.start(
            Profile.EMBEDDED, config(configFor.apply("b"), journal, remote[1], seeds));
    await()
        .atMost(wait)
        .until(
            () -> {
              AdminClient.Response view = b.client().get("/admin/v1/cluster");
              return view.status() == 200 && view.body().path("members").size() == 2;
            });
    return new TwoNodeCluster(a, b);
  }

  private static Map<String, Object> config(
      Map<String, Object> own, String journal, int remotePort, List<String> seeds) {
    Map<String, Object> c = new HashMap<>(own);
    c.put("bluemarble.persistence.url", journal);
    c.put("bluemarble.node.remote-port", remotePort);
    c.put("bluemarble.node.seed-nodes", seeds);
    return c;
  }

  /** The seed node. */
  public InProcessNode a() {
    return a;
  }

  /** The node that joined the seed. */
  public InProcessNode b() {
    return b;
  }

  @Override
  public void close() throws Exception {
    try {
      b.close();
    } finally {
      a.close();
    }
  }
}
