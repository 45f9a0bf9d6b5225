package org.bluemarble.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request whose body may be larger than the node accepts the way a well-behaved client of a
 * size-limited API does: with {@code Expect: 100-continue}, the body only after the server's {@code
 * 100 Continue}. A server that refuses the body from its headers answers 413 at once and closes the
 * connection; a client that had already started writing the body could instead see the connection
 * reset before reading the 413 (TCP resets a socket closed with unread data), which made tests of
 * the 413 fail now and then. The JDK's HttpClient waits forever for a 100 when the server answers
 * 413 straight away, so this speaks HTTP/1.1 over a plain socket.
 */
public final class LargeBodies {
  private LargeBodies() {}

  /** The status code of {@code method path} with a JSON {@code body} and an optional token. */
  public static int status(int port, String method, String path, String body, String token)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      StringBuilder head =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
              .append(port)
              .append("\r\nContent-Type: application/json\r\nContent-Length: ")
              .append(bytes.length)
              .append("\r\nExpect: 100-continue\r\nConnection: close\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      int status = statusOf(readHead(in));
      if (status != 100) {
        return status;
      }
      out.write(bytes);
      out.flush();
      return statusOf(readHead(in));
    }
  }

  /** The response head up to its empty line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a response head: " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static int statusOf(String head) {
    String[] parts = head.split(" ", 3);
    return Integer.parseInt(parts[1].trim());
  }
}
