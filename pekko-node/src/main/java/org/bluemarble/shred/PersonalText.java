package org.bluemarble.shred;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * Jackson's side of {@link Personal}: inside {@link PersonalSerializer} (which makes the keys
 * {@link Shredding#current() current}) a field is written as a CBOR byte string sealed with the
 * event's subject key; a text string read back is a field of a journal written before
 * crypto-shredding and is taken as it is.
 */
final class PersonalText {
  private PersonalText() {}

  static final class Writer extends StdScalarSerializer<String> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      SubjectKeys keys = Shredding.current();
      if (keys == null || !(gen.currentValue() instanceof DataSubject owner)) {
        gen.writeString(value);
        return;
      }
      String subject = owner.dataSubject();
      SubjectKeys.Lookup key = keys.forWrite(subject);
      if (key instanceof SubjectKeys.Present present) {
        gen.writeBinary(PersonalCipher.seal(subject, present.key(), value));
      } else {
        gen.writeBinary(PersonalCipher.erasedMarker());
      }
    }
  }

  static final class Reader extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      byte[] field = p.getBinaryValue();
      SubjectKeys keys = Shredding.current();
      try {
        String subject = PersonalCipher.subject(field);
        if (subject == null || keys == null) {
          return PersonalCipher.ERASED;
        }
        return keys.lookup(subject) instanceof SubjectKeys.Present present
            ? PersonalCipher.open(field, present.key())
            : PersonalCipher.ERASED;
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, "unreadable personal field: " + e.getMessage(), e);
      }
    }
  }
}
