package org.bluemarble.load.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;

/**
 * The stand-in's HTTP port: the JSON routes the driver calls (login, register, characters, the bulk
 * account route, world and cell statistics) and the game WebSocket {@code /ws} (RFC 6455, JDK
 * sockets only), one thread per connection. {@code bulkRoute = false} answers the bulk route with
 * 404, as a node without it would.
 */
final class StandInHttp implements AutoCloseable {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocket server;
  private final StandInWorld world;
  private final ConnectTokenIssuer issuer;
  private final String udpAddress;
  private final boolean bulkRoute;
  private final ProtocolCodec codec = new ProtocolCodec();
  private volatile boolean running = true;

  StandInHttp(StandInWorld world, ConnectTokenIssuer issuer, String udpAddress, boolean bulkRoute)
      throws IOException {
    this.world = world;
    this.issuer = issuer;
    this.udpAddress = udpAddress;
    this.bulkRoute = bulkRoute;
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "stand-in-http");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (running) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "stand-in-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String requestLine = readLine(in);
      Map<String, String> headers = new HashMap<>();
      for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      String[] parts = requestLine.split(" ");
      if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
        webSocket(in, out, headers.get("sec-websocket-key"));
        return;
      }
      byte[] body =
          new DataInputStream(in)
              .readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      route(parts[0], parts[1], body.length == 0 ? JSON.missingNode() : JSON.readTree(body), out);
    } catch (IOException | RuntimeException e) {
      // The peer went away; the driver's own counters record what that meant.
    }
  }

  private void route(String method, String path, JsonNode body, OutputStream out)
      throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    int status = 200;
    if (path.equals("/v1/auth/login")) {
      answer
          .put("accessToken", "tok-" + body.path("username").asText())
          .put("refreshToken", "r")
          .put("expiresIn", 900);
    } else if (path.equals("/v1/auth/register")) {
      status = 201;
    } else if (path.equals("/v1/characters")) {
      status = 201;
      answer
          .put("playerId", "p-" + body.path("name").asText())
          .put("name", body.path("name").asText());
    } else if (path.equals("/admin/v1/load-test/accounts") && bulkRoute) {
      status = 201;
      ArrayNode accounts = answer.putArray("accounts");
      for (int i = 0; i < body.path("count").asInt(); i++) {
        String user = body.path("prefix").asText() + i;
        JsonNode pos = body.path("positions").path(i);
        world.spawnByPlayer.put(
            "p-" + user,
            new LatLng(pos.path("latitude").asDouble(), pos.path("longitude").asDouble()));
        accounts
            .addObject()
            .put("username", user)
            .put("accountId", "a-" + user)
            .put("playerId", "p-" + user)
            .put("accessToken", "tok-" + user)
            .put("refreshToken", "r");
      }
    } else if (path.equals("/admin/v1/world") && method.equals("GET")) {
      answer
          .put("tickHz", 60)
          .put("snapshotHz", 20)
          .put("aoiRadiusMeters", 250.0)
          .put("zoneLevel", 10);
    } else if (path.startsWith("/admin/v1/world/cells/") && method.equals("GET")) {
      answer.put("ticks", world.ticks.get() * 3).put("overruns", 0);
    } else {
      status = 404;
    }
    byte[] bytes = JSON.writeValueAsBytes(answer);
    out.write(
        ("HTTP/1.1 "
                + status
                + " X\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private void webSocket(InputStream in, OutputStream out, String key) throws IOException {
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StandInSession session =
        new StandInSession(world, e -> send(out, 2, codec.encode(e)), issuer, udpAddress);
    DataInputStream data = new DataInputStream(in);
    java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
    try {
      while (running) {
        int b0 = data.readUnsignedByte();
        int b1 = data.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
          length = data.readUnsignedShort();
        } else if (length == 127) {
          length = data.readLong();
        }
        byte[] mask = new byte[4];
        data.readFully(mask);
        byte[] payload = new byte[(int) length];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        int opcode = b0 & 0x0F;
        if (opcode == 8) {
          send(out, 8, payload);
          return;
        } else if (opcode == 9) {
          send(out, 10, payload);
        } else if (opcode == 2 || opcode == 0) {
          message.write(payload);
          if ((b0 & 0x80) != 0) {
            session.handle(codec.decode(message.toByteArray()));
            message.reset();
          }
        }
      }
    } finally {
      session.closed();
    }
  }

  private static void send(OutputStream out, int opcode, byte[] payload) {
    synchronized (out) {
      try {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
          out.write(payload.length);
        } else {
          out.write(126);
          out.write(payload.length >>> 8);
          out.write(payload.length & 0xFF);
        }
        out.write(payload);
        out.flush();
      } catch (IOException e) {
        // The connection is closing; its reader thread ends the session.
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    running = false;
    server.close();
  }
}
