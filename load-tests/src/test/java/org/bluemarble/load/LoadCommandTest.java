package org.bluemarble.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LoadCommandTest {

  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LoadCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bots=-5|--bots must be in 1..100000, was -5",
        "--bots=abc|'abc' is not an int",
        "--seconds=0|--seconds must be in 1..86400, was 0",
        "--http-port=70000|--http-port must be in 1..65535, was 70000",
        "--transport=carrier-pigeon|transport must be udp, ws or mixed",
        "--scenario=sparse|scenario must be dense or spread",
        "--center=north|expected lat,lon",
        "--admin=nopassword|--admin must be user:password",
        "--ramp-seconds=-1|--ramp-seconds must be in 0..3600, was -1",
        "--warmup-seconds=-3|--warmup-seconds must be in 0..3600, was -3",
        "--warmup-seconds=3601|--warmup-seconds must be in 0..3600, was 3601",
        "--target=no-such-host.invalid|does not resolve"
      })
  void rejectsBadValuesWithExitCodeTwoAndANamedOption(String arg, String message) {
    Outcome o = run(arg);
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains(message);
  }

  @ParameterizedTest
  @CsvSource({"--capacity-start=0", "--capacity-step=0"})
  void rejectsImpossibleCapacityPlans(String arg) {
    Outcome o = run("--capacity", arg);
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("capacity steps need");
  }

  @org.junit.jupiter.api.Test
  void helpNamesTheIssueOptions() {
    Outcome o = run("--help");
    assertThat(o.code()).isZero();
    for (String opt :
        new String[] {
          "--target",
          "--http-port",
          "--udp-port",
          "--bots",
          "--seconds",
          "--transport",
          "--scenario",
          "--seed",
          "--out",
          "--capacity",
          "--admin",
          "--ramp-seconds",
          "--warmup-seconds",
          "--center"
        }) {
      assertThat(o.out()).contains(opt);
    }
  }

  @org.junit.jupiter.api.Test
  void refusesANonLoopbackTargetThatWasNotGivenExplicitly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TargetCheck.describe("192.0.2.1", false))
        .hasMessageContaining("refusing non-loopback target");
    assertThat(TargetCheck.describe("192.0.2.1", true)).contains("NOT loopback");
    assertThat(TargetCheck.describe("127.0.0.1", false)).contains("loopback");
  }
}
