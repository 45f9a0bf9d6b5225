package org.bluemarble.edge.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The admin API's OpenAPI 3.0 document: the merge of the fragments {@code
 * openapi/admin-<area>.json} on the classpath, for the areas of {@link #AREAS} that are present.
 * Each fragment is {@code {"paths": {...}, "components": {"schemas": {...}}}}; two fragments
 * defining the same path or schema is an error (each area owns its names).
 */
public final class OpenApiDocument {
  /** The areas, in document order. */
  public static final List<String> AREAS =
      List.of("core", "world", "economy", "analytics", "chat", "journal");

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiDocument() {}

  /** The merged document of every present fragment. */
  public static ObjectNode load(String version) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "BlueMarble admin API");
    info.put("version", version);
    info.put(
        "description",
        "Every route needs an access token (POST /v1/auth/login) with the Admin role, or one of the"
            + " roles listed in x-roles. Every action that is not a read is written to the audit"
            + " log (GET /admin/v1/audit) before it runs.");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("bearerFormat", "JWT");
    doc.putArray("security").addObject().putArray("bearer");
    for (String area : AREAS) {
      JsonNode fragment = fragment(area);
      if (fragment != null) {
        mergeInto(paths, fragment.path("paths"), area, "path");
        mergeInto(schemas, fragment.path("components").path("schemas"), area, "schema");
      }
    }
    return doc;
  }

  /** The fragment of {@code area}, or null when this build has none. */
  static JsonNode fragment(String area) {
    String name = "openapi/admin-" + area + ".json";
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI fragment " + name, e);
    }
  }

  private static void mergeInto(ObjectNode target, JsonNode source, String area, String kind) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (target.has(field.getKey())) {
        throw new IllegalStateException(
            "admin-" + area + ".json defines the " + kind + " " + field.getKey() + " again");
      }
      target.set(field.getKey(), field.getValue());
    }
  }
}
