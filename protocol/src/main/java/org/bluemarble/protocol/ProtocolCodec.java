package org.bluemarble.protocol;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;

/**
 * Encodes and decodes Envelope frames with a maximum frame size. Both edges and the reference
 * client use it; thread-safe and allocation-light.
 *
 * <p>Every decoding failure surfaces as a {@link ProtocolException}: oversized frames as
 * CODE_FRAME_TOO_LARGE, garbage and truncation as CODE_MALFORMED_FRAME, an empty envelope or one
 * whose message this build does not know as CODE_UNKNOWN_MESSAGE.
 */
public final class ProtocolCodec {

  /** Default maximum frame size in bytes (64 KiB), far above any legitimate message. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

  /** Protobuf nesting limit; our messages nest at most 3 deep. */
  private static final int RECURSION_LIMIT = 16;

  private final int maxFrameBytes;

  /** A codec with {@link #DEFAULT_MAX_FRAME_BYTES}. */
  public ProtocolCodec() {
    this(DEFAULT_MAX_FRAME_BYTES);
  }

  /** A codec rejecting frames larger than {@code maxFrameBytes} (1 .. 16 MiB). */
  public ProtocolCodec(int maxFrameBytes) {
    if (maxFrameBytes < 1 || maxFrameBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be in 1..16777216, was " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  /** The largest frame this codec accepts or produces, in bytes. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** Serialises an envelope; throws CODE_FRAME_TOO_LARGE if it exceeds the limit. */
  public byte[] encode(Envelope envelope) {
    int size = envelope.getSerializedSize();
    checkSize(size);
    if (envelope.getMessageCase() == Envelope.MessageCase.MESSAGE_NOT_SET) {
      throw new ProtocolException(Error.Code.CODE_UNKNOWN_MESSAGE, "envelope has no message set");
    }
    return envelope.toByteArray();
  }

  /** Decodes one frame. */
  public Envelope decode(byte[] frame) {
    return decode(frame, 0, frame.length);
  }

  /** Decodes one frame from {@code frame[offset, offset+length)}. */
  public Envelope decode(byte[] frame, int offset, int length) {
    checkSize(length);
    return parse(CodedInputStream.newInstance(frame, offset, length));
  }

  /** Decodes the remaining bytes of a buffer (position is advanced to the limit). */
  public Envelope decode(ByteBuffer frame) {
    checkSize(frame.remaining());
    Envelope envelope = parse(CodedInputStream.newInstance(frame));
    frame.position(frame.limit());
    return envelope;
  }

  private Envelope parse(CodedInputStream in) {
    in.setRecursionLimit(RECURSION_LIMIT);
    Envelope envelope;
    try {
      envelope = Envelope.parseFrom(in);
      in.checkLastTagWas(0);
    } catch (IOException e) {
      throw malformed(e);
    } catch (RuntimeException e) {
      throw new ProtocolException(Error.Code.CODE_MALFORMED_FRAME, "frame is not decodable", e);
    }
    return checkMessageSet(envelope);
  }

  private static ProtocolException malformed(IOException e) {
    return new ProtocolException(
        Error.Code.CODE_MALFORMED_FRAME, "frame is not a valid Envelope: " + e.getMessage(), e);
  }

  private static Envelope checkMessageSet(Envelope envelope) {
    if (envelope.getMessageCase() == Envelope.MessageCase.MESSAGE_NOT_SET) {
      throw new ProtocolException(
          Error.Code.CODE_UNKNOWN_MESSAGE,
          envelope.getUnknownFields().asMap().isEmpty()
              ? "envelope carries no message"
              : "envelope carries an unknown message field "
                  + envelope.getUnknownFields().asMap().keySet());
    }
    return envelope;
  }

  private void checkSize(int size) {
    if (size > maxFrameBytes) {
      throw new ProtocolException(
          Error.Code.CODE_FRAME_TOO_LARGE,
          "frame of " + size + " bytes exceeds the maximum of " + maxFrameBytes + " bytes");
    }
  }
}
