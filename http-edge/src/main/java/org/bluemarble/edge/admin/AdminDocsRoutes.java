package org.bluemarble.edge.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /admin/v1/openapi.json} (the merged {@link OpenApiDocument}) and Swagger UI at {@code
 * /admin/docs/}, served from the {@code org.webjars:swagger-ui} jar's resources and pointed at the
 * document. Both are public (see {@link AdminGate#PUBLIC_PATHS}): calls made from the UI need a
 * token entered under "Authorize".
 */
public final class AdminDocsRoutes extends AllDirectives {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

  private final byte[] document;
  private final String webjarRoot;

  public AdminDocsRoutes(String version) {
    try {
      this.document =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsBytes(OpenApiDocument.load(version));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document", e);
    }
    this.webjarRoot = WEBJAR + swaggerUiVersion() + "/";
  }

  public Route route() {
    return concat(
        path(
            PathMatchers.segment("admin").slash("v1").slash("openapi.json"),
            () ->
                get(() -> complete(HttpEntities.create(ContentTypes.APPLICATION_JSON, document)))),
        pathPrefix(
            PathMatchers.segment("admin").slash("docs"),
            () ->
                get(
                    () ->
                        concat(
                            pathEnd(
                                () ->
                                    redirect(
                                        org.apache.pekko.http.javadsl.model.Uri.create(
                                            "/admin/docs/"),
                                        StatusCodes.MOVED_PERMANENTLY)),
                            pathSingleSlash(
                                () ->
                                    complete(
                                        HttpEntities.create(
                                            ContentTypes.TEXT_HTML_UTF8, indexPage()))),
                            getFromResourceDirectory(webjarRoot)))));
  }

  /** Our page, not the WebJar's index.html (which points at the Petstore example). */
  private static String indexPage() {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>BlueMarble admin API</title>"
        + "<link rel=\"stylesheet\" href=\"swagger-ui.css\"></head><body><div id=\"swagger-ui\"></div>"
        + "<script src=\"swagger-ui-bundle.js\"></script><script>"
        + "window.ui = SwaggerUIBundle({url: '/admin/v1/openapi.json', dom_id: '#swagger-ui'});"
        + "</script></body></html>";
  }

  /** The WebJar's version, from its Maven metadata (so upgrading the jar needs no code change). */
  static String swaggerUiVersion() {
    String name = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = AdminDocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui WebJar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
