package org.bluemarble.node;

import sun.misc.Signal;

/**
 * SIGTERM/SIGINT handling. The JVM's own shutdown hook would end with exit code 143; orchestrators
 * and our tests expect a graceful stop to exit 0, so the signal starts CoordinatedShutdown, whose
 * last step exits with code 0.
 */
final class Signals {
  private Signals() {}

  static void shutdownOnTermination(Runnable shutdown) {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signal -> shutdown.run());
    }
  }
}
