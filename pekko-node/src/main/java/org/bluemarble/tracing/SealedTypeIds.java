package org.bluemarble.tracing;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.io.IOException;

/**
 * Jackson type ids for a field declared as a sealed interface: the id is the simple name of the
 * value's class, and only the interface's permitted subclasses resolve (never an arbitrary class
 * name from the wire). Used by the {@code UnderTrace} wrappers of the social entities, whose
 * wrapped command is any of the entity's commands.
 */
public final class SealedTypeIds extends TypeIdResolverBase {
  private JavaType base;

  @Override
  public void init(JavaType baseType) {
    this.base = baseType;
  }

  @Override
  public String idFromValue(Object value) {
    return value.getClass().getSimpleName();
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> suggestedType) {
    return suggestedType.getSimpleName();
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) throws IOException {
    Class<?>[] permitted = base.getRawClass().getPermittedSubclasses();
    if (permitted != null) {
      for (Class<?> c : permitted) {
        if (c.getSimpleName().equals(id)) {
          return context.constructSpecializedType(base, c);
        }
      }
    }
    throw new IllegalArgumentException(
        "'" + id + "' is not a " + base.getRawClass().getName() + " (a sealed interface)");
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.CUSTOM;
  }
}
