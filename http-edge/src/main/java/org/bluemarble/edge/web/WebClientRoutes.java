package org.bluemarble.edge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.port.AbilityBook;
import org.bluemarble.protocol.v1.Envelope;

/**
 * The browser client: {@code GET /} is its page, {@code /web/...} its scripts and styles (from the
 * jar's {@code web/} resources, nothing external), {@code /web/schema.json} the message schema the
 * JavaScript protobuf codec works from, made from the descriptors compiled from the {@code .proto}
 * files into this very jar (so page and server cannot disagree), {@code /web/abilities.json} each
 * class's abilities from the game's catalogue (the abilities bar). Every answer carries a CSP that
 * allows only this origin.
 */
public final class WebClientRoutes extends AllDirectives {

  /** Nothing external: scripts, styles, images and connections (WebSocket included) to self. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private static final List<HttpHeader> HEADERS =
      List.of(
          RawHeader.create("Content-Security-Policy", CSP),
          RawHeader.create("X-Content-Type-Options", "nosniff"),
          RawHeader.create("Referrer-Policy", "no-referrer"),
          RawHeader.create("Cache-Control", "no-cache"));

  private final byte[] schema;
  private final byte[] abilities;

  /** A client without abilities (games without combat). */
  public WebClientRoutes() {
    this(AbilityBook.empty());
  }

  public WebClientRoutes(AbilityBook book) {
    try {
      this.schema = new ObjectMapper().writeValueAsBytes(schemaOf(Envelope.getDescriptor()));
      this.abilities = new ObjectMapper().writeValueAsBytes(book.byClass());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the message schema", e);
    }
  }

  public Route route() {
    // Paths first, methods inside: other paths stay unmatched (404), not "method not allowed".
    return concat(
        pathSingleSlash(
            () -> get(() -> respondWithHeaders(HEADERS, () -> getFromResource("web/index.html")))),
        pathPrefix(
            "web",
            () ->
                get(
                    () ->
                        respondWithHeaders(
                            HEADERS,
                            () ->
                                concat(
                                    path(
                                        "schema.json",
                                        () ->
                                            complete(
                                                HttpEntities.create(
                                                    ContentTypes.APPLICATION_JSON, schema))),
                                    path(
                                        "abilities.json",
                                        () ->
                                            complete(
                                                HttpEntities.create(
                                                    ContentTypes.APPLICATION_JSON, abilities))),
                                    getFromResourceDirectory("web"))))));
  }

  /**
   * Every message and enum reachable from {@code root}'s file: {@code {messages: {fullName: [{name,
   * number, type, repeated, typeName}]}, enums: {fullName: {NAME: number}}}}.
   */
  static ObjectNode schemaOf(Descriptors.Descriptor root) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    ObjectNode messages = out.putObject("messages");
    ObjectNode enums = out.putObject("enums");
    Set<String> seen = new HashSet<>();
    addFile(root.getFile(), messages, enums, seen);
    return out;
  }

  private static void addFile(
      Descriptors.FileDescriptor file, ObjectNode messages, ObjectNode enums, Set<String> seen) {
    if (!seen.add(file.getFullName())) {
      return;
    }
    for (Descriptors.FileDescriptor dep : file.getDependencies()) {
      addFile(dep, messages, enums, seen);
    }
    for (Descriptors.Descriptor m : file.getMessageTypes()) {
      addMessage(m, messages, enums);
    }
    for (Descriptors.EnumDescriptor e : file.getEnumTypes()) {
      addEnum(e, enums);
    }
  }

  private static void addMessage(Descriptors.Descriptor m, ObjectNode messages, ObjectNode enums) {
    ArrayNode fields = messages.putArray(m.getFullName());
    for (Descriptors.FieldDescriptor f : m.getFields()) {
      ObjectNode field = fields.addObject();
      field.put("name", f.getName());
      field.put("number", f.getNumber());
      field.put("type", f.getType().name().toLowerCase(java.util.Locale.ROOT));
      field.put("repeated", f.isRepeated());
      if (f.getType() == Descriptors.FieldDescriptor.Type.MESSAGE) {
        field.put("typeName", f.getMessageType().getFullName());
      } else if (f.getType() == Descriptors.FieldDescriptor.Type.ENUM) {
        field.put("typeName", f.getEnumType().getFullName());
      }
    }
    for (Descriptors.Descriptor nested : m.getNestedTypes()) {
      addMessage(nested, messages, enums);
    }
    for (Descriptors.EnumDescriptor e : m.getEnumTypes()) {
      addEnum(e, enums);
    }
  }

  private static void addEnum(Descriptors.EnumDescriptor e, ObjectNode enums) {
    ObjectNode values = enums.putObject(e.getFullName());
    for (Descriptors.EnumValueDescriptor v : e.getValues()) {
      values.put(v.getName(), v.getNumber());
    }
  }
}
