package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.config.SettingsException;
import org.junit.jupiter.api.Test;

/** The read models' projections poll through a read journal of their own (persistence.conf). */
class ReadModelJournalTest {

  @Test
  void theReadModelsPollTheSameDatabaseEveryConfiguredInterval() {
    Config config = ConfigLoader.load(Profile.EMBEDDED);

    String id = StreamProjections.readModelJournal(config);

    assertThat(id).isEqualTo(StreamProjections.READ_MODEL_JOURNAL);
    Config own = config.getConfig(id);
    Config shared = config.getConfig("jdbc-read-journal");
    assertThat(own.getDuration("refresh-interval")).isEqualTo(Duration.ofSeconds(1));
    // Everything else is the shared read journal's: the same class, database and tables.
    assertThat(own.withoutPath("refresh-interval").root().unwrapped())
        .isEqualTo(shared.withoutPath("refresh-interval").root().unwrapped());
    assertThat(own.getString("use-shared-db")).isEqualTo("bluemarble");
  }

  @Test
  void theIntervalIsASettingAndOutOfRangeValuesAreRefused() {
    Config faster =
        ConfigLoader.load(
            Profile.EMBEDDED,
            ConfigFactory.parseMap(
                Map.of("bluemarble.persistence.read-model-poll-interval", "500ms")));
    assertThat(
            faster
                .getConfig(StreamProjections.readModelJournal(faster))
                .getDuration("refresh-interval"))
        .isEqualTo(Duration.ofMillis(500));

    Config tooSlow =
        ConfigLoader.load(
            Profile.EMBEDDED,
            ConfigFactory.parseMap(
                Map.of("bluemarble.persistence.read-model-poll-interval", "2m")));
    assertThatThrownBy(() -> StreamProjections.readModelJournal(tooSlow))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("read-model-poll-interval");
  }

  @Test
  void withoutTheNodesPersistenceFileTheDefaultReadJournalServes() {
    assertThat(StreamProjections.readModelJournal(ConfigFactory.defaultReference()))
        .isEqualTo("jdbc-read-journal");
  }
}
