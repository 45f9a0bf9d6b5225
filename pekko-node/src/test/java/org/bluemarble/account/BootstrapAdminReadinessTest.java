package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.junit.jupiter.api.Test;

/** The readiness check waits for the bootstrap admin when one is configured, and only then. */
class BootstrapAdminReadinessTest {

  private static boolean ready(ActorTestKit kit) throws Exception {
    return new BootstrapAdminReadiness(Adapter.toClassic(kit.system()))
        .get()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  @Test
  void notReadyUntilTheConfiguredBootstrapAdminIsEnsured() throws Exception {
    ActorTestKit kit =
        ActorTestKit.create(
            ConfigFactory.parseString(
                "bluemarble.auth.bootstrap-admin = \"root_admin:long-enough-password\""));
    try {
      assertThat(ready(kit)).isFalse();
      BootstrapAdminStatus.get(kit.system()).markEnsured();
      assertThat(ready(kit)).isTrue();
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void readyAtOnceWithoutABootstrapAdmin() throws Exception {
    ActorTestKit kit =
        ActorTestKit.create(ConfigFactory.parseString("bluemarble.auth.bootstrap-admin = \"\""));
    try {
      assertThat(ready(kit)).isTrue();
    } finally {
      kit.shutdownTestKit();
    }
  }
}
