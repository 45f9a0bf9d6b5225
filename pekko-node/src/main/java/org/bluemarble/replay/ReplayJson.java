package org.bluemarble.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * JSON for replay: the mapper the node's Jackson serializers use (same modules, so every event and
 * state writes as it is stored), with properties and map keys sorted so that equal states write
 * equal text; the state hash is the SHA-256 of that text.
 */
public final class ReplayJson {
  private final ObjectMapper mapper;

  public ReplayJson(ActorSystem<?> system) {
    ObjectMapper base =
        JacksonObjectMapperProvider.get(system).getOrCreate("jackson-json", Optional.empty());
    this.mapper =
        base.copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
  }

  /** A plain mapper (tests without an actor system). */
  public ReplayJson() {
    this.mapper =
        JsonMapper.builder()
            .findAndAddModules()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public JsonNode tree(Object value) {
    return sorted(mapper.valueToTree(value));
  }

  /** The SHA-256 (hex) of the canonical JSON of {@code view}. */
  public String hash(JsonNode view) {
    try {
      byte[] text = mapper.writeValueAsString(view).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String pretty(Object value) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The leaves of {@code node} by JSON pointer path (arrays by index), in path order. */
  public static Map<String, JsonNode> leaves(JsonNode node) {
    Map<String, JsonNode> out = new TreeMap<>();
    collect("", node, out);
    return out;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.put(path, node);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        collect(path + "/" + f.getKey(), f.getValue(), out);
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.put(path, node);
      }
      for (int i = 0; i < node.size(); i++) {
        collect(path + "/" + i, node.get(i), out);
      }
    } else {
      out.put(path.isEmpty() ? "/" : path, node);
    }
  }

  /** Object fields sorted by name at every level (trees from valueToTree keep class order). */
  private JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = mapper.createObjectNode();
      Map<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      var out = mapper.createArrayNode();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return node;
  }
}
