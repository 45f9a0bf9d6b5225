package org.bluemarble.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWRegister;
import org.apache.pekko.cluster.ddata.LWWRegisterKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.bluemarble.node.CborSerializable;

/**
 * Cluster-wide maintenance mode in Pekko Distributed Data: one last-writer-wins register, written
 * with majority consistency and gossiped to every node. Each node's actor subscribes and keeps the
 * current value in an {@link AtomicReference} that logins read without asking anyone.
 */
public final class MaintenanceMode {
  static final Key<LWWRegister<State>> KEY = LWWRegisterKey.create("bluemarble-maintenance");

  /** The replicated value. */
  public record State(boolean on, String message, String by, Instant since)
      implements CborSerializable {
    static final State OFF = new State(false, "", "", Instant.EPOCH);
  }

  /** What the actor accepts. */
  public sealed interface Command permits Switch, Updated, Changed {}

  /**
   * Writes {@code state}; the reply is the state once a majority has it (or the write timed out).
   */
  public record Switch(State state, ActorRef<State> replyTo) implements Command {}

  private record Updated(Switch request) implements Command {}

  private record Changed(State state) implements Command {}

  private MaintenanceMode() {}

  /** The node's actor; {@code current} always holds the latest value it has seen. */
  public static Behavior<Command> create(AtomicReference<State> current, Duration writeTimeout) {
    return Behaviors.setup(
        ctx ->
            DistributedData.withReplicatorMessageAdapter(
                (org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter<
                            Command, LWWRegister<State>>
                        replicator) -> {
                  SelfUniqueAddress self = DistributedData.get(ctx.getSystem()).selfUniqueAddress();
                  replicator.subscribe(
                      KEY,
                      changed ->
                          new Changed(
                              changed instanceof Replicator.Changed<LWWRegister<State>> c
                                  ? c.get(KEY).getValue()
                                  : State.OFF));
                  return Behaviors.receive(Command.class)
                      .onMessage(
                          Switch.class,
                          request -> {
                            replicator.askUpdate(
                                replyTo ->
                                    new Replicator.Update<>(
                                        KEY,
                                        LWWRegister.create(self, State.OFF),
                                        new Replicator.WriteMajority(writeTimeout),
                                        replyTo,
                                        register -> register.withValue(self, request.state())),
                                response -> new Updated(request));
                            return Behaviors.same();
                          })
                      .onMessage(
                          Updated.class,
                          updated -> {
                            current.set(updated.request().state());
                            updated.request().replyTo().tell(updated.request().state());
                            return Behaviors.same();
                          })
                      .onMessage(
                          Changed.class,
                          changed -> {
                            current.set(changed.state());
                            return Behaviors.same();
                          })
                      .build();
                }));
  }
}
