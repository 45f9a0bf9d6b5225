package org.bluemarble.edge.internal;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.Test;

/** W3C traceparent: continued when valid, started otherwise, always returned. */
class TraceContextTest {
  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void continuesAValidTraceWithANewSpan() {
    TraceContext.Trace t = TraceContext.continueOrStart(Optional.of(PARENT));
    assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(t.spanId()).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
    assertThat(t.header()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
  }

  @Test
  void startsANewTraceForMissingOrInvalidHeaders() {
    for (String bad :
        new String[] {
          "garbage",
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
          "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"
        }) {
      TraceContext.Trace t = TraceContext.continueOrStart(Optional.of(bad));
      assertThat(t.traceId()).as(bad).hasSize(32).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(t.traceId()).isNotEqualTo("0".repeat(32));
    }
    assertThat(TraceContext.continueOrStart(Optional.empty()).header())
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  }

  @Test
  void everyResponseCarriesTheTraceTheRouteSaw() throws Exception {
    ActorTestKit kit = ActorTestKit.create();
    try {
      ServerBinding binding =
          Http.get(kit.system())
              .newServerAt("127.0.0.1", 0)
              .bind(TraceContext.traced(trace -> complete(trace.traceId())))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      URI uri = URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + "/");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> continued =
          http.send(
              HttpRequest.newBuilder(uri).header("traceparent", PARENT).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(continued.body()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(continued.headers().firstValue("traceparent").orElseThrow())
          .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
      HttpResponse<String> started =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(started.headers().firstValue("traceparent").orElseThrow())
          .startsWith("00-" + started.body() + "-");
      binding.unbind().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      kit.shutdownTestKit();
    }
  }
}
