package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link CommonPool} in a JVM that sees one core and has no parallelism property (the surefire
 * argLine sets one for the other tests, so this JVM cannot show anything): on one core the JDK's
 * common pool has parallelism 1 and CompletableFuture then starts a new thread per async callback.
 */
class CommonPoolTest {

  private static String probe(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:ActiveProcessorCount=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CommonPoolProbe.class.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void onOneCoreTheCommonPoolGetsTwoThreadsAndAsyncCallbacksRunOnIt() throws Exception {
    assertThat(probe()).endsWith("parallelism=2 pooled=true");
  }

  @Test
  void withoutItOneCoreMeansAThreadPerCallback() throws Exception {
    // The control: what the first test would see if CommonPool did nothing.
    assertThat(probe("without")).endsWith("parallelism=1 pooled=false");
  }
}
