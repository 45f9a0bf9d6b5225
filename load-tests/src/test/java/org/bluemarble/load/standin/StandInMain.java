package org.bluemarble.load.standin;

import org.bluemarble.load.scenario.LatLng;

/**
 * Runs the stand-in server until killed, printing its ports: to try the driver (and measure its own
 * cost) without a node. {@code java -cp ... org.bluemarble.load.standin.StandInMain}
 */
public final class StandInMain {

  private StandInMain() {}

  /** Starts the stand-in and blocks. */
  public static void main(String[] args) throws Exception {
    StandInServer server = new StandInServer(new LatLng(-21.0, -27.0), true);
    System.out.println(
        "stand-in: --http-port " + server.httpPort() + " --udp-port " + server.udpPort());
    Thread.currentThread().join();
  }
}
