package org.bluemarble.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.google.protobuf.InvalidProtocolBufferException;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.WsFrameCheck;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.v1.Authenticate;
import org.bluemarble.protocol.v1.EnterWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.Hello;
import org.bluemarble.protocol.v1.MovementInput;

/**
 * Gatling's view of the HTTP and WebSocket paths: register, log in, create a character, open the
 * game WebSocket, hello → authenticate → enter world, then walk with 10 inputs per second. Settings
 * (system properties): {@code bluemarble.http} (default http://127.0.0.1:8080), {@code
 * bluemarble.users} (20), {@code bluemarble.rampSeconds} (10), {@code bluemarble.moves} (50). Run:
 * {@code ./mvnw -pl load-tests -Pgatling gatling:test}.
 */
public class LoginAndMoveSimulation extends Simulation {

  private static final String BASE = System.getProperty("bluemarble.http", "http://127.0.0.1:8080");
  private static final int USERS = Integer.getInteger("bluemarble.users", 20);
  private static final int RAMP_SECONDS = Integer.getInteger("bluemarble.rampSeconds", 10);
  private static final int MOVES = Integer.getInteger("bluemarble.moves", 50);
  private static final AtomicLong NEXT = new AtomicLong();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

  private final Iterator<Map<String, Object>> users =
      Stream.generate(
              () -> Map.<String, Object>of("username", "gt" + RUN + "n" + NEXT.incrementAndGet()))
          .iterator();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .wsBaseUrl(BASE.replaceFirst("^http", "ws"))
          .contentTypeHeader("application/json");

  private final ScenarioBuilder loginAndMove =
      scenario("login, enter and move")
          .feed(users)
          .exec(
              http("register")
                  .post("/v1/auth/register")
                  .body(
                      StringBody(
                          "{\"username\":\"#{username}\",\"password\":\"gatling-password-1\",\"email\":\"#{username}@load.test\"}"))
                  .check(status().in(201, 409)))
          .exec(
              http("login")
                  .post("/v1/auth/login")
                  .body(
                      StringBody(
                          "{\"username\":\"#{username}\",\"password\":\"gatling-password-1\"}"))
                  .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
          // A user whose login failed has no token: stop it here instead of failing every later
          // step.
          .exitHereIfFailed()
          .exec(
              http("create character")
                  .post("/v1/characters")
                  .header("Authorization", "Bearer #{token}")
                  .body(StringBody("{\"name\":\"#{username}\",\"characterClass\":\"Warrior\"}"))
                  .check(status().is(201), jsonPath("$.playerId").saveAs("playerId")))
          .exitHereIfFailed()
          .exec(ws("connect").connect("/ws"))
          .exec(
              ws("hello")
                  .sendBytes(hello())
                  .await(Duration.ofSeconds(10))
                  .on(answer("hello accepted", "HELLO_ACCEPTED")))
          .exec(
              ws("authenticate")
                  .sendBytes(
                      s ->
                          frame(
                              Envelope.newBuilder()
                                  .setCorrelationId(2)
                                  .setAuthenticate(
                                      Authenticate.newBuilder().setToken(s.getString("token")))))
                  .await(Duration.ofSeconds(10))
                  .on(answer("authenticated", "AUTHENTICATED")))
          .exec(
              ws("enter world")
                  .sendBytes(
                      s ->
                          frame(
                              Envelope.newBuilder()
                                  .setCorrelationId(3)
                                  .setEnterWorld(
                                      EnterWorld.newBuilder()
                                          .setPlayerId(s.getString("playerId")))))
                  .await(Duration.ofSeconds(10))
                  .on(answer("entered world", "ENTERED_WORLD")))
          .exitHereIfFailed()
          .exec(
              repeat(MOVES, "move")
                  .on(
                      exec(ws("move").sendBytes(LoginAndMoveSimulation::move))
                          .exec(pause(Duration.ofMillis(100)))))
          .exec(ws("close").close());

  {
    setUp(loginAndMove.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(RAMP_SECONDS))))
        .protocols(protocol);
  }

  private static byte[] hello() {
    return frame(
        Envelope.newBuilder()
            .setCorrelationId(1)
            .setHello(
                Hello.newBuilder()
                    .setProtocolVersion(ProtocolVersion.CURRENT)
                    .setClientName("gatling")));
  }

  private static byte[] move(Session s) {
    int seq = s.getInt("move") + 1;
    return frame(
        Envelope.newBuilder()
            .setMovementInput(
                MovementInput.newBuilder()
                    .setSequence(seq)
                    .setClientTimeMs(System.currentTimeMillis())
                    .setHeading(
                        HeadingIntent.newBuilder()
                            .setHeading((seq * 655) & 0xFFFF)
                            .setSpeedMps(5))));
  }

  /** Waits for the answer whose message case is {@code messageCase}, ignoring pushes. */
  private static WsFrameCheck.Binary answer(String name, String messageCase) {
    return ws.checkBinaryMessage(name)
        .matching(
            bodyBytes()
                .transform(LoginAndMoveSimulation::messageCase)
                .in(messageCase, "ERROR", "HELLO_REJECTED"))
        .check(bodyBytes().transform(LoginAndMoveSimulation::messageCase).is(messageCase));
  }

  private static String messageCase(byte[] bytes) {
    try {
      return Envelope.parseFrom(bytes).getMessageCase().name();
    } catch (InvalidProtocolBufferException e) {
      return "MALFORMED";
    }
  }

  private static byte[] frame(Envelope.Builder e) {
    return e.build().toByteArray();
  }
}
