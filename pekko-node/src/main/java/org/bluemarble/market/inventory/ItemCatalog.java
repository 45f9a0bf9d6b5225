package org.bluemarble.market.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/**
 * The immutable item catalogue, loaded once at start from a JSON array of {@link ItemDefinition}s
 * (the server ships {@value #DEFAULT_RESOURCE}). Lookups of unknown ids fail with {@link
 * MarketError#UNKNOWN_ITEM}; a bad file fails at load with {@link MarketError#INVALID_CONFIG}.
 */
public final class ItemCatalog {
  /** Class-path location of the shipped catalogue. */
  public static final String DEFAULT_RESOURCE = "/org/bluemarble/market/items.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, ItemDefinition> items;

  private ItemCatalog(Map<String, ItemDefinition> items) {
    this.items = items;
  }

  /** A catalogue of {@code definitions}; ids must be unique. */
  public static ItemCatalog of(Collection<ItemDefinition> definitions) {
    Map<String, ItemDefinition> byId = new LinkedHashMap<>();
    for (ItemDefinition d : definitions) {
      if (byId.putIfAbsent(d.id(), d) != null) {
        throw new MarketException(MarketError.INVALID_CONFIG, "duplicate item id " + d.id());
      }
    }
    return new ItemCatalog(java.util.Collections.unmodifiableMap(byId));
  }

  /** The catalogue shipped with the server. */
  public static ItemCatalog loadDefault() {
    try (InputStream in = ItemCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new MarketException(MarketError.INVALID_CONFIG, DEFAULT_RESOURCE + " is missing");
      }
      return fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a JSON array of item definitions. */
  public static ItemCatalog fromJson(InputStream json) throws IOException {
    try {
      List<ItemDefinition> list =
          JSON.readValue(json, new TypeReference<List<ItemDefinition>>() {});
      return of(list);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof MarketException ? e.getCause() : e;
      throw new MarketException(
          MarketError.INVALID_CONFIG, "bad item catalogue: " + cause.getMessage());
    }
  }

  /** The definition of {@code id}, or {@link MarketError#UNKNOWN_ITEM}. */
  public ItemDefinition get(String id) {
    ItemDefinition d = items.get(id);
    if (d == null) {
      throw new MarketException(MarketError.UNKNOWN_ITEM, "no item with id '" + id + "'");
    }
    return d;
  }

  public Optional<ItemDefinition> find(String id) {
    return Optional.ofNullable(items.get(id));
  }

  /** All definitions in file order. */
  public Collection<ItemDefinition> all() {
    return items.values();
  }

  public int size() {
    return items.size();
  }
}
