package org.bluemarble.edge.session;

import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.ChatPush;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.ChatAccepted;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatMessage;
import org.bluemarble.protocol.v1.ChatSend;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;

/**
 * Chat on the client wire, in one place: {@code ChatSend} → {@link ChatLine}, and {@link ChatPush}
 * → {@code ChatAccepted}, {@code ChatMessage} or {@code Error}. Limits (length, flood, mute) are
 * the world's; only what cannot be a line at all is refused here.
 */
final class ChatMessages {
  private ChatMessages() {}

  /**
   * The port line of a received ChatSend.
   *
   * @throws ProtocolException CODE_INVALID_INPUT for a missing channel, the System channel (players
   *     cannot send on it) or a whisper without a recipient
   */
  static ChatLine lineOf(ChatSend send) {
    ChatLine.Channel channel = channelOf(send.getChannel());
    if (channel == null) {
      throw new ProtocolException(
          Error.Code.CODE_INVALID_INPUT,
          "chat_send.channel must be set (got " + send.getChannel() + ")");
    }
    if (channel == ChatLine.Channel.SYSTEM) {
      throw new ProtocolException(
          Error.Code.CODE_INVALID_INPUT, "players cannot send on CHAT_CHANNEL_SYSTEM");
    }
    if (channel == ChatLine.Channel.WHISPER && send.getToName().isBlank()) {
      throw new ProtocolException(
          Error.Code.CODE_INVALID_INPUT, "chat_send.to_name is required for CHAT_CHANNEL_WHISPER");
    }
    return new ChatLine(channel, send.getText(), send.getToName().trim());
  }

  /** The envelope for a push: a ChatMessage (correlation 0), ChatAccepted or Error. */
  static Envelope toEnvelope(ChatPush push) {
    if (push instanceof ChatPush.Delivered d) {
      return Envelope.newBuilder()
          .setChatMessage(
              ChatMessage.newBuilder()
                  .setChannel(toProto(d.channel()))
                  .setFromPlayerId(d.fromPlayerId())
                  .setFromName(d.fromName())
                  .setText(d.text())
                  .setSentAtMs(d.sentAtMillis())
                  .setToName(d.toName())
                  .setSequence(d.sequence())
                  .setDelayed(d.delayed()))
          .build();
    }
    if (push instanceof ChatPush.Accepted a) {
      return Envelope.newBuilder()
          .setCorrelationId(a.correlationId())
          .setChatAccepted(
              ChatAccepted.newBuilder()
                  .setSequence(a.sequence())
                  .setDelayed(a.delayed())
                  .setText(a.text()))
          .build();
    }
    ChatPush.Refused r = (ChatPush.Refused) push;
    Error.Builder error =
        Error.newBuilder()
            .setCode(codeOf(r.reason()))
            .setMessage(r.message())
            .setReason(r.reason().name())
            .setRetryAfterMs((int) Math.min(Integer.MAX_VALUE, Math.max(0, r.retryAfterMillis())));
    return Envelope.newBuilder().setCorrelationId(r.correlationId()).setError(error).build();
  }

  static Error.Code codeOf(ChatPush.Reason reason) {
    return switch (reason) {
      case RATE_LIMITED, BUSY -> Error.Code.CODE_RATE_LIMITED;
      case INVALID -> Error.Code.CODE_INVALID_INPUT;
      case RECIPIENT_OFFLINE -> Error.Code.CODE_CHAT_RECIPIENT_OFFLINE;
      case MUTED -> Error.Code.CODE_CHAT_MUTED;
      case NOT_A_MEMBER -> Error.Code.CODE_NOT_FOUND;
    };
  }

  /** A system announcement as a line on the System channel. */
  static Envelope announcement(String message, String from, long atMillis) {
    return toEnvelope(
        new ChatPush.Delivered(
            ChatLine.Channel.SYSTEM,
            "",
            from == null ? "" : from,
            message,
            atMillis,
            "",
            0,
            false));
  }

  static ChatLine.Channel channelOf(ChatChannel c) {
    return switch (c) {
      case CHAT_CHANNEL_SAY -> ChatLine.Channel.SAY;
      case CHAT_CHANNEL_YELL -> ChatLine.Channel.YELL;
      case CHAT_CHANNEL_WHISPER -> ChatLine.Channel.WHISPER;
      case CHAT_CHANNEL_PARTY -> ChatLine.Channel.PARTY;
      case CHAT_CHANNEL_GUILD -> ChatLine.Channel.GUILD;
      case CHAT_CHANNEL_TRADE -> ChatLine.Channel.TRADE;
      case CHAT_CHANNEL_GENERAL -> ChatLine.Channel.GENERAL;
      case CHAT_CHANNEL_SYSTEM -> ChatLine.Channel.SYSTEM;
      default -> null;
    };
  }

  static ChatChannel toProto(ChatLine.Channel c) {
    return switch (c) {
      case SAY -> ChatChannel.CHAT_CHANNEL_SAY;
      case YELL -> ChatChannel.CHAT_CHANNEL_YELL;
      case WHISPER -> ChatChannel.CHAT_CHANNEL_WHISPER;
      case PARTY -> ChatChannel.CHAT_CHANNEL_PARTY;
      case GUILD -> ChatChannel.CHAT_CHANNEL_GUILD;
      case TRADE -> ChatChannel.CHAT_CHANNEL_TRADE;
      case GENERAL -> ChatChannel.CHAT_CHANNEL_GENERAL;
      case SYSTEM -> ChatChannel.CHAT_CHANNEL_SYSTEM;
    };
  }
}
