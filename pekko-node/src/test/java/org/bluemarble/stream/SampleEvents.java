package org.bluemarble.stream;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one valid instance of any event record by reflection: every component gets a plain
 * non-null value (strings "a1", numbers 1, the first enum constant, nested records recursively, the
 * first permitted class of a sealed interface, one-element lists and sets), so a test can map every
 * event class without a hand-written sample per class.
 */
final class SampleEvents {
  private SampleEvents() {}

  static Object sample(Class<?> type) {
    return value(type, type);
  }

  private static Object value(Class<?> raw, Type generic) {
    if (raw == String.class) {
      return "a1";
    } else if (raw == long.class || raw == Long.class) {
      return 1L;
    } else if (raw == int.class || raw == Integer.class) {
      return 1;
    } else if (raw == double.class || raw == Double.class) {
      return 1.0;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return true;
    } else if (raw == Instant.class) {
      return Instant.parse("2026-12-01T10:00:00Z");
    } else if (raw == Duration.class) {
      return Duration.ofSeconds(30);
    } else if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    } else if (raw == List.class) {
      return List.of(element(generic));
    } else if (raw == Set.class) {
      return Set.of(element(generic));
    } else if (raw == Map.class) {
      return Map.of();
    } else if (raw.isRecord()) {
      return record(raw);
    } else if (raw.isSealed()) {
      return value(raw.getPermittedSubclasses()[0], raw.getPermittedSubclasses()[0]);
    }
    throw new IllegalArgumentException("no sample for " + generic);
  }

  private static Object element(Type generic) {
    Type arg = ((ParameterizedType) generic).getActualTypeArguments()[0];
    Class<?> raw = arg instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) arg;
    return value(raw, arg);
  }

  private static Object record(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(components[i].getType(), components[i].getGenericType());
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a sample " + type.getName(), e);
    }
  }
}
