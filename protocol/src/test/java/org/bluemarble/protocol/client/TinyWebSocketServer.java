package org.bluemarble.protocol.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Envelope;

/**
 * A minimal RFC 6455 server for one connection, enough to test the WebSocket transport's framing
 * against a {@link FakeGame}: the upgrade handshake, masked client frames (with continuation),
 * unmasked binary replies, ping and close.
 */
final class TinyWebSocketServer implements AutoCloseable {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final Thread thread;
  private final ProtocolCodec codec = new ProtocolCodec();
  final FakeGame game = new FakeGame();
  // Whether answers go out as two frames (a message in two parts) instead of one.
  volatile boolean fragmentAnswers;
  volatile int framesReceived;

  TinyWebSocketServer() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "tiny-ws-server");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      handshake(in, out);
      DataInputStream data = new DataInputStream(in);
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      while (true) {
        int b0 = data.readUnsignedByte();
        int b1 = data.readUnsignedByte();
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        long length = b1 & 0x7F;
        if (length == 126) {
          length = data.readUnsignedShort();
        } else if (length == 127) {
          length = data.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) == 0) {
          throw new IOException("client frames must be masked");
        }
        data.readFully(mask);
        byte[] payload = new byte[(int) length];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        if (opcode == 8) {
          writeFrame(out, 8, payload);
          return;
        } else if (opcode == 9) {
          writeFrame(out, 10, payload);
        } else if (opcode == 2 || opcode == 0) {
          message.write(payload);
          if (fin) {
            framesReceived++;
            Envelope envelope = codec.decode(message.toByteArray());
            message.reset();
            for (Envelope answer : game.handle(envelope)) {
              byte[] bytes = codec.encode(answer);
              if (fragmentAnswers && bytes.length >= 2) {
                // One message as a binary frame without FIN and a final continuation frame.
                int half = bytes.length / 2;
                writeFrame(out, false, 2, java.util.Arrays.copyOfRange(bytes, 0, half));
                writeFrame(out, true, 0, java.util.Arrays.copyOfRange(bytes, half, bytes.length));
              } else {
                writeFrame(out, 2, bytes);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      // The client went away; the test asserts on what happened before.
    }
  }

  private static void handshake(InputStream in, OutputStream out) throws IOException {
    String key = null;
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed during the handshake");
      }
      if (c == '\n') {
        String header = line.toString().trim();
        line.setLength(0);
        if (header.isEmpty()) {
          break;
        }
        if (header.toLowerCase().startsWith("sec-websocket-key:")) {
          key = header.substring(header.indexOf(':') + 1).trim();
        }
      } else {
        line.append((char) c);
      }
    }
    String response =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept(key)
            + "\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String accept(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
    writeFrame(out, true, opcode, payload);
  }

  private static void writeFrame(OutputStream out, boolean fin, int opcode, byte[] payload)
      throws IOException {
    out.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xFF);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
      }
    }
    out.write(payload);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
