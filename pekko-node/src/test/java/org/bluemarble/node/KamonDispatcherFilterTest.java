package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.junit.jupiter.api.Test;

/**
 * Kamon's executor instrumentation registers one set of metrics per dispatcher name; a
 * PinnedDispatcher makes an executor per actor under one name, so each further actor on it logged
 * "Cannot register module [BlueMarble/...]" at start. Every pinned dispatcher the node's config
 * defines is excluded from the instrumentation.
 */
class KamonDispatcherFilterTest {

  @Test
  void everyPinnedDispatcherIsExcludedFromKamonsExecutorInstrumentation() {
    Config config = ConfigLoader.load(Profile.EMBEDDED, ConfigFactory.empty());
    List<String> pinned = new ArrayList<>();
    collectPinned(config.root(), "", pinned);
    List<String> excluded =
        config.getStringList("kamon.instrumentation.pekko.filters.dispatchers.excludes");

    assertThat(pinned).contains("pekko.persistence.dispatchers.default-plugin-dispatcher");
    assertThat(excluded).containsAll(pinned);
  }

  private static void collectPinned(ConfigObject object, String path, List<String> into) {
    ConfigValue type = object.get("type");
    if (type != null
        && type.valueType() == ConfigValueType.STRING
        && "PinnedDispatcher".equals(type.unwrapped())) {
      into.add(path);
    }
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      if (e.getValue().valueType() == ConfigValueType.OBJECT) {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        collectPinned((ConfigObject) e.getValue(), child, into);
      }
    }
  }
}
