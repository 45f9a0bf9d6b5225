package org.bluemarble.shred;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A personal string field of a {@link DataSubject} event (a name, an email, an external identity):
 * written to the journal encrypted with the subject's key, read back as {@link
 * PersonalCipher#ERASED} once the key is erased. Outside the journal serializer (JSON for replay
 * output, remoting) the field is written as plain text.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = PersonalText.Writer.class)
@JsonDeserialize(using = PersonalText.Reader.class)
public @interface Personal {}
