package org.bluemarble.edge.port;

import java.util.concurrent.CompletionStage;

/** Checks the node's dependencies; never fails, a failing dependency is reported in the result. */
public interface HealthPort {
  CompletionStage<HealthReport> check();
}
