package org.bluemarble.load.standin;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bluemarble.load.scenario.LatLng;

/**
 * A tiny server for the driver's end-to-end tests, built from the protocol module's server-side
 * pieces: the real UDP endpoint and sessions, the real snapshot encoder, a JDK-socket WebSocket and
 * HTTP port. It speaks the real protocol; the game behind it is a flat list of avatars with a 250 m
 * AOI and 20 Hz snapshots.
 */
public final class StandInServer implements AutoCloseable {

  private final StandInWorld world;
  private final StandInUdp udp;
  private final StandInHttp http;
  private final ScheduledExecutorService ticker;

  /** Starts on free loopback ports; {@code bulkRoute} false makes the bulk account route 404. */
  public StandInServer(LatLng spawn, boolean bulkRoute) throws IOException {
    world = new StandInWorld(spawn);
    udp = new StandInUdp(world);
    http = new StandInHttp(world, udp.issuer, udp.address(), bulkRoute);
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stand-in-snapshots");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(world::snapshotRound, 50, 50, TimeUnit.MILLISECONDS);
  }

  /** The HTTP (and WebSocket) port. */
  public int httpPort() {
    return http.port();
  }

  /** The UDP port. */
  public int udpPort() throws IOException {
    return udp.port();
  }

  /** Avatars in the world now. */
  public int population() {
    return world.population();
  }

  @Override
  public void close() throws IOException {
    ticker.shutdownNow();
    http.close();
    udp.close();
  }
}
