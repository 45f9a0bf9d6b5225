package org.bluemarble.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} (as {@code kubectl apply -k} would) and
 * checks what an operator relies on: probes on the management port, ports equal to the node's
 * configuration of the kubernetes profile, the autoscaler's numbers, the disruption budget, the
 * RBAC cluster bootstrap needs, and that secrets are referenced, never written down.
 */
class ManifestsTest {
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
  private static final Path OVERLAYS = Path.of("overlays");
  private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

  @BeforeAll
  static void render() throws Exception {
    try (var dirs = Files.list(OVERLAYS)) {
      for (Path overlay : dirs.sorted().toList()) {
        RENDERED.put(overlay.getFileName().toString(), kustomize(overlay));
      }
    }
    assertThat(RENDERED).containsOnlyKeys("dev", "production");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void probesAskManagementForLifeAndReadinessOnTheNodesPorts(String overlay) throws Exception {
    JsonNode container = container(overlay);
    BlueMarbleSettings node = nodeSettings(overlay);
    Map<String, Integer> ports = new HashMap<>();
    Map<String, String> protocols = new HashMap<>();
    for (JsonNode p : container.path("ports")) {
      ports.put(p.path("name").asText(), p.path("containerPort").asInt());
      protocols.put(p.path("name").asText(), p.path("protocol").asText());
    }
    assertThat(ports)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "http", node.node().httpPort(),
                "game-udp", node.edge().udpPort(),
                "management", node.node().managementPort(),
                "remoting", node.node().remotePort(),
                "metrics", node.metrics().port()));
    assertThat(protocols.get("game-udp")).isEqualTo("UDP");
    assertThat(protocols.get("http")).isEqualTo("TCP");

    assertProbe(container.path("startupProbe"), "/alive");
    assertProbe(container.path("livenessProbe"), "/alive");
    assertProbe(container.path("readinessProbe"), "/ready");

    JsonNode resources = container.path("resources");
    for (String kind : List.of("requests", "limits")) {
      assertThat(resources.path(kind).path("cpu").asText()).as(kind + " cpu").isNotEmpty();
      assertThat(resources.path(kind).path("memory").asText()).as(kind + " memory").isNotEmpty();
    }
    // The JVM sizes its heap from the limit; a request below it would let the pod be evicted for
    // using what it was promised.
    assertThat(resources.path("requests").path("memory"))
        .isEqualTo(resources.path("limits").path("memory"));

    JsonNode pod = deployment(overlay).path("spec").path("template").path("spec");
    // Graceful stop: every CoordinatedShutdown phase at its timeout (75 s) fits in the grace
    // period.
    assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(75);
  }

  @Test
  void productionScalesFromThreeToTwentyAtSeventyPercentCpuAndEightyPercentMemory() {
    JsonNode hpa = one("production", "HorizontalPodAutoscaler").path("spec");
    assertThat(hpa.path("minReplicas").asInt()).isEqualTo(3);
    assertThat(hpa.path("maxReplicas").asInt()).isEqualTo(20);
    assertThat(hpa.path("scaleTargetRef").path("name").asText())
        .isEqualTo(deployment("production").path("metadata").path("name").asText());
    Map<String, Integer> targets = new HashMap<>();
    for (JsonNode m : hpa.path("metrics")) {
      targets.put(
          m.path("resource").path("name").asText(),
          m.path("resource").path("target").path("averageUtilization").asInt());
    }
    assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.of("cpu", 70, "memory", 80));
    assertThat(configMap("production").path("BLUEMARBLE_REQUIRED_CONTACT_POINTS").asText())
        .isEqualTo("3");
    assertThat(container("production").path("image").asText())
        .startsWith("registry.example.com/bluemarble/bluemarble-node:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void disruptionBudgetTakesOnePodAtATimeFromTheNodes(String overlay) {
    JsonNode pdb = one(overlay, "PodDisruptionBudget").path("spec");
    assertThat(pdb.path("maxUnavailable").asInt()).isEqualTo(1);
    assertThat(pdb.path("selector").path("matchLabels"))
        .isEqualTo(deployment(overlay).path("spec").path("selector").path("matchLabels"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void serviceAccountMayListPodsAndNothingElse(String overlay) {
    String account =
        deployment(overlay)
            .path("spec")
            .path("template")
            .path("spec")
            .path("serviceAccountName")
            .asText();
    assertThat(named(overlay, "ServiceAccount", account)).isNotNull();
    JsonNode binding = one(overlay, "RoleBinding");
    assertThat(binding.path("subjects").get(0).path("kind").asText()).isEqualTo("ServiceAccount");
    assertThat(binding.path("subjects").get(0).path("name").asText()).isEqualTo(account);
    JsonNode role = named(overlay, "Role", binding.path("roleRef").path("name").asText());
    assertThat(role).isNotNull();
    assertThat(role.path("rules")).hasSize(1);
    JsonNode rule = role.path("rules").get(0);
    assertThat(texts(rule.path("resources"))).containsExactly("pods");
    assertThat(texts(rule.path("verbs"))).contains("list").doesNotContain("create", "delete");
    assertThat(kinds(overlay)).doesNotContain("ClusterRole", "ClusterRoleBinding");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void servicesExposeGameEdgesAndAHeadlessBootstrapService(String overlay) {
    JsonNode headless = null;
    JsonNode udp = null;
    JsonNode http = null;
    for (JsonNode s : of(overlay, "Service")) {
      for (JsonNode p : s.path("spec").path("ports")) {
        switch (p.path("targetPort").asText()) {
          case "management" -> headless = s;
          case "game-udp" -> udp = s;
          case "http" -> http = s;
          default -> {}
        }
      }
    }
    assertThat(headless).isNotNull();
    assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
    assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
    assertThat(udp).isNotNull();
    assertThat(udp.path("spec").path("ports").get(0).path("protocol").asText()).isEqualTo("UDP");
    assertThat(http).isNotNull();
    assertThat(http).isNotSameAs(udp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void secretsAreReferencedNeverWrittenDown(String overlay) {
    assertThat(kinds(overlay)).doesNotContain("Secret");
    List<String> secretEnv = new ArrayList<>();
    for (JsonNode env : container(overlay).path("env")) {
      String name = env.path("name").asText();
      if (looksSecret(name)) {
        assertThat(env.has("value")).as(name + " has a literal value").isFalse();
        assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asText())
            .as(name)
            .isNotEmpty();
        secretEnv.add(name);
      }
    }
    assertThat(secretEnv)
        .contains(
            "BLUEMARBLE_PG_PASSWORD",
            "BLUEMARBLE_REDIS_URL",
            "BLUEMARBLE_UDP_KEY",
            "BLUEMARBLE_PAYMENTS_SECRET",
            "BLUEMARBLE_REMOTE_KEYSTORE_PASSWORD",
            "BLUEMARBLE_REMOTE_TRUSTSTORE_PASSWORD");
    configMap(overlay)
        .fieldNames()
        .forEachRemaining(name -> assertThat(looksSecret(name)).as(name).isFalse());
    // The signing key is a file from a Secret volume.
    JsonNode pod = deployment(overlay).path("spec").path("template").path("spec");
    assertThat(pod.path("volumes").findValuesAsText("secretName")).isNotEmpty();
  }

  @Test
  void alertRulesAreOneSetValidForPromtoolAndTheDashboardQueriesOurMetrics() throws Exception {
    Path rules = Path.of("monitoring", "bluemarble-rules.yml");
    JsonNode plain = YAML.readTree(rules.toFile());
    List<JsonNode> monitoring = kustomize(Path.of("monitoring"));
    JsonNode operator =
        monitoring.stream()
            .filter(d -> d.path("kind").asText().equals("PrometheusRule"))
            .findFirst()
            .orElseThrow();
    assertThat(operator.path("spec").path("groups")).isEqualTo(plain.path("groups"));
    Map<String, String> severity = new HashMap<>();
    for (JsonNode g : plain.path("groups")) {
      for (JsonNode r : g.path("rules")) {
        severity.put(r.path("alert").asText(), r.path("labels").path("severity").asText());
      }
    }
    assertThat(severity)
        .containsEntry("BlueMarbleNodeDown", "critical")
        .containsEntry("BlueMarbleDatabaseUnreachable", "critical")
        .containsEntry("BlueMarbleErrorRateCritical", "critical")
        .containsEntry("BlueMarbleErrorRateHigh", "warning")
        .containsEntry("BlueMarbleLatencyHigh", "warning")
        .containsEntry("BlueMarbleMemoryNearLimit", "warning");
    Path promtool = Path.of("/usr/bin/promtool");
    if (Files.isExecutable(promtool)) {
      Process p =
          new ProcessBuilder(promtool.toString(), "check", "rules", rules.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
    } else {
      System.out.println("promtool not installed (Debian package prometheus): rules not linted");
    }
    JsonNode dashboard =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Path.of("monitoring", "grafana-dashboard.json").toFile());
    List<String> exprs = dashboard.path("panels").findValuesAsText("expr");
    assertThat(exprs).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
    assertThat(String.join("\n", exprs))
        .contains(
            "bluemarble_players_online",
            "bluemarble_zone_tick_duration_seconds_bucket",
            "bluemarble_zone_tick_overruns_total",
            "bluemarble_zone_cell_players_bucket",
            "bluemarble_zone_input_dropped_total",
            "bluemarble_health_status",
            "bluemarble_journal_write_seconds_bucket",
            "bluemarble_economy_operations_total",
            "bluemarble_logins_total",
            "bluemarble_login_refusals_total",
            "bluemarble_errors_sent_total",
            "bluemarble_snapshot_bytes_total",
            "bluemarble_zone_session_messages_total");
    // Panel ids are unique (Grafana keys panels by id).
    assertThat(dashboard.path("panels").findValuesAsText("id")).doesNotHaveDuplicates();
  }

  private static String placeholderFile(String name) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("bluemarble-k8s-", name);
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean looksSecret(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return (n.contains("PASSWORD")
            || n.contains("SECRET")
            || n.endsWith("_KEY")
            || n.contains("REDIS_URL")
            || n.contains("PG_URL")
            || n.contains("MONGODB_URI"))
        && !n.endsWith("_FILE");
  }

  /**
   * The node's settings as the pod would load them: the ConfigMap's variables, the pod's own
   * variables and placeholder secrets, under the profile the ConfigMap names.
   */
  private static BlueMarbleSettings nodeSettings(String overlay) {
    Map<String, Object> env = new HashMap<>();
    configMap(overlay).fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    for (JsonNode e : container(overlay).path("env")) {
      env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "x");
    }
    env.put("BLUEMARBLE_ADVERTISED_HOST", "10.0.0.7");
    env.put("BLUEMARBLE_PG_URL", "jdbc:postgresql://db:5432/bluemarble");
    env.put("BLUEMARBLE_MONGODB_URI", "mongodb://terrain:27017");
    env.put("BLUEMARBLE_UDP_KEY", "");
    env.put("BLUEMARBLE_REDIS_URL", "redis://redis:6379");
    env.put("BLUEMARBLE_PAYMENTS_SECRET", "placeholder-payments-secret");
    env.put("BLUEMARBLE_SIGNING_KEY_FILE", "");
    // The cluster's TLS stores come from a Secret volume in the pod; the settings only check that
    // the
    // files are there, so placeholders stand in for them.
    assertThat(env).containsKeys("BLUEMARBLE_REMOTE_KEYSTORE", "BLUEMARBLE_REMOTE_TRUSTSTORE");
    env.put("BLUEMARBLE_REMOTE_KEYSTORE", placeholderFile("node.p12"));
    env.put("BLUEMARBLE_REMOTE_TRUSTSTORE", placeholderFile("trust.p12"));
    Profile profile = Profile.fromName((String) env.get("BLUEMARBLE_PROFILE"));
    assertThat(profile).isEqualTo(Profile.KUBERNETES);
    BlueMarbleSettings settings =
        BlueMarbleSettings.fromConfig(ConfigLoader.load(profile, ConfigFactory.parseMap(env)));
    assertThat(settings.node().seedNodes()).isEmpty();
    assertThat(settings.config().getString("bluemarble.cluster.discovery"))
        .isEqualTo("kubernetes-api");
    assertThat(
            settings
                .config()
                .getString(
                    "pekko.management.cluster.bootstrap.contact-point-discovery.service-name"))
        .isEqualTo(
            deployment(overlay)
                .path("spec")
                .path("selector")
                .path("matchLabels")
                .path("app.kubernetes.io/name")
                .asText());
    assertThat(settings.config().getString("pekko.discovery.kubernetes-api.pod-port-name"))
        .isEqualTo("management");
    return settings;
  }

  private static void assertProbe(JsonNode probe, String path) {
    assertThat(probe.path("httpGet").path("path").asText()).isEqualTo(path);
    assertThat(probe.path("httpGet").path("port").asText()).isEqualTo("management");
  }

  private static JsonNode deployment(String overlay) {
    return one(overlay, "Deployment");
  }

  private static JsonNode container(String overlay) {
    JsonNode containers =
        deployment(overlay).path("spec").path("template").path("spec").path("containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  private static JsonNode configMap(String overlay) {
    return one(overlay, "ConfigMap").path("data");
  }

  private static JsonNode one(String overlay, String kind) {
    List<JsonNode> found = of(overlay, kind);
    assertThat(found).as(overlay + " " + kind).hasSize(1);
    return found.get(0);
  }

  private static JsonNode named(String overlay, String kind, String name) {
    return of(overlay, kind).stream()
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static List<JsonNode> of(String overlay, String kind) {
    return RENDERED.get(overlay).stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .toList();
  }

  private static List<String> kinds(String overlay) {
    return RENDERED.get(overlay).stream().map(d -> d.path("kind").asText()).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** {@code kubectl kustomize <dir>}: kubectl must be on PATH (see docs/operations.md). */
  private static List<JsonNode> kustomize(Path overlay) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", overlay.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize " + overlay).isZero();
    List<JsonNode> docs = new ArrayList<>();
    try (var it =
        YAML.readerFor(JsonNode.class).readValues(new String(out, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        JsonNode doc = (JsonNode) it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }
}
