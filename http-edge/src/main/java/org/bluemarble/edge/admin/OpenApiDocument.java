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
 * The HTTP API's OpenAPI 3.0 document, public and admin routes in one: the merge of the fragments
 * {@code openapi/<fragment>.json} on the classpath named in {@link #FRAGMENTS} that are present.
 * Each fragment is {@code {"paths": {...}, "components": {"schemas": {...}}}}; two fragments
 * defining the same path or schema is an error (each fragment owns its names). Every operation
 * needs a bearer token unless it says otherwise ({@code "security": []} for open ones).
 */
public final class OpenApiDocument {
  /** The fragments, in document order: the public API first, then the admin API's areas. */
  public static final List<String> FRAGMENTS =
      List.of(
          "public-auth",
          "public-characters",
          "public-planet",
          "public-marketplace",
          "admin-core",
          "admin-world",
          "admin-economy",
          "admin-analytics",
          "admin-chat",
          "admin-journal");

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiDocument() {}

  /** The merged document of every present fragment. */
  public static ObjectNode load(String version) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "BlueMarble HTTP API");
    info.put("version", version);
    info.put(
        "description",
        "The public API (accounts, characters, planet, world, marketplace, webhooks) and the admin"
            + " API (/admin/v1). Routes marked with a lock need an access token (POST"
            + " /v1/auth/login); admin routes need the Admin role or one of the roles listed in"
            + " x-roles, and every admin action that is not a read is written to the audit log (GET"
            + " /admin/v1/audit) before it runs. Errors are {\"error\": {code, message, details,"
            + " timestamp, requestId}}. The game protocol (WebSocket /ws, UDP) is described in"
            + " protocol/PROTOCOL.md.");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode schemes = components.putObject("securitySchemes");
    ObjectNode bearer = schemes.putObject("bearer");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("bearerFormat", "JWT");
    ObjectNode signature = schemes.putObject("paymentSignature");
    signature.put("type", "apiKey");
    signature.put("in", "header");
    signature.put("name", "Payment-Signature");
    signature.put(
        "description",
        "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" with the payments secret>");
    doc.putArray("security").addObject().putArray("bearer");
    for (String name : FRAGMENTS) {
      JsonNode fragment = fragment(name);
      if (fragment != null) {
        mergeInto(paths, fragment.path("paths"), name, "path");
        mergeInto(schemas, fragment.path("components").path("schemas"), name, "schema");
      }
    }
    return doc;
  }

  /** The fragment {@code name}, or null when this build has none. */
  static JsonNode fragment(String name) {
    String resource = "openapi/" + name + ".json";
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI fragment " + resource, e);
    }
  }

  private static void mergeInto(ObjectNode target, JsonNode source, String name, String kind) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (target.has(field.getKey())) {
        throw new IllegalStateException(
            name + ".json defines the " + kind + " " + field.getKey() + " again");
      }
      target.set(field.getKey(), field.getValue());
    }
  }
}
