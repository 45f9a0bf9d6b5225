package org.bluemarble.chat;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;

/**
 * The node's chat: its {@link ChatHub}, the settings and the word filter, started on first use from
 * {@code bluemarble.chat}. Reached through {@code ChatService.get(system)}.
 */
public final class ChatService implements Extension {
  private final ChatSettings settings;
  private final WordFilter filter;
  private final ActorRef<ChatHub.Command> hub;

  private ChatService(ActorSystem<?> system) {
    this.settings = ChatSettings.fromConfig(system.settings().config());
    this.filter = new WordFilter(settings.blockedWords());
    this.hub = system.systemActorOf(ChatHub.create(settings), "chat-hub", Props.empty());
  }

  public ChatSettings settings() {
    return settings;
  }

  public WordFilter filter() {
    return filter;
  }

  /** The node's hub. */
  public ActorRef<ChatHub.Command> hub() {
    return hub;
  }

  /** This node's instance. */
  public static ChatService get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  private static final class Id extends ExtensionId<ChatService> {
    static final Id INSTANCE = new Id();

    @Override
    public ChatService createExtension(ActorSystem<?> system) {
      return new ChatService(system);
    }
  }
}
