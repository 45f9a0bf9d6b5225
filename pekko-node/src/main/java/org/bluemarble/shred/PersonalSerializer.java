package org.bluemarble.shred;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.serialization.jackson.JacksonSerializer;

/**
 * Jackson CBOR (the same object mapper as {@code jackson-cbor}) for {@link DataSubject} events,
 * with the system's key store made current so that {@link Personal} fields are sealed and opened.
 * Its own serializer id keeps the events written before it readable by {@code jackson-cbor}.
 */
public final class PersonalSerializer extends JacksonSerializer {
  /** The binding name in {@code pekko.actor.serializers}. */
  public static final String BINDING = "bluemarble-personal";

  private final Shredding shredding;

  public PersonalSerializer(ExtendedActorSystem system) {
    super(
        system,
        BINDING,
        JacksonObjectMapperProvider.get(system)
            .getOrCreate("jackson-cbor", Optional.of(new CBORFactory())));
    this.shredding = Shredding.get(Adapter.toTyped(system));
  }

  @Override
  public byte[] toBinary(Object o) {
    SubjectKeys outer = Shredding.current();
    Shredding.enter(shredding.keys());
    try {
      return super.toBinary(o);
    } finally {
      restore(outer);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) {
    SubjectKeys outer = Shredding.current();
    Shredding.enter(shredding.keys());
    try {
      return super.fromBinary(bytes, manifest);
    } finally {
      restore(outer);
    }
  }

  private static void restore(SubjectKeys outer) {
    if (outer == null) {
      Shredding.leave();
    } else {
      Shredding.enter(outer);
    }
  }
}
