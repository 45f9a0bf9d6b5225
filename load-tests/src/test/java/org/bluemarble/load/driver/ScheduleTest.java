package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void startsBotsEvenlyThenHoldsThenStopsThem() {
    Schedule s = new Schedule(10, 30, 100);
    assertThat(s.phaseAt(0)).isEqualTo(Phase.RAMP_UP);
    assertThat(s.startedBy(0)).isEqualTo(1);
    assertThat(s.startedBy(5)).isEqualTo(51);
    assertThat(s.startedBy(10)).isEqualTo(100);
    assertThat(s.phaseAt(10)).isEqualTo(Phase.STEADY);
    assertThat(s.stoppedBy(-0.1)).isZero();
    assertThat(s.phaseAt(42)).isEqualTo(Phase.RAMP_DOWN);
    assertThat(s.stoppedBy(2.5)).isEqualTo(50);
    assertThat(s.stoppedBy(5)).isEqualTo(100);
    assertThat(s.phaseAt(45)).isEqualTo(Phase.DONE);
    assertThat(s.totalSeconds()).isEqualTo(45);
  }

  @Test
  void withoutRampEveryBotStartsAtOnce() {
    Schedule s = new Schedule(0, 5, 7);
    assertThat(s.startedBy(0)).isEqualTo(7);
    assertThat(s.rampDownSeconds()).isEqualTo(1);
  }

  @Test
  void aWarmUpSitsBetweenTheRampAndTheSteadyStateAndLengthensTheRun() {
    Schedule s = new Schedule(10, 90, 30, 100);
    assertThat(s.phaseAt(9.9)).isEqualTo(Phase.RAMP_UP);
    assertThat(s.phaseAt(10)).isEqualTo(Phase.WARM_UP);
    assertThat(s.startedBy(10)).isEqualTo(100);
    assertThat(s.phaseAt(99.9)).isEqualTo(Phase.WARM_UP);
    assertThat(s.phaseAt(100)).isEqualTo(Phase.STEADY);
    assertThat(s.phaseAt(129.9)).isEqualTo(Phase.STEADY);
    assertThat(s.phaseAt(130)).isEqualTo(Phase.RAMP_DOWN);
    assertThat(s.totalSeconds()).isEqualTo(135);
    assertThat(s.afterRampUp()).isEqualTo(Phase.WARM_UP);
    assertThat(new Schedule(10, 30, 100).afterRampUp()).isEqualTo(Phase.STEADY);
  }
}
