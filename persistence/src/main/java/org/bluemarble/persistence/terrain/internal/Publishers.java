package org.bluemarble.persistence.terrain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Bridges Reactive Streams publishers (the MongoDB driver's results) to {@link CompletableFuture}s
 * with one small subscriber, so the store needs no reactive library. Each subscriber requests
 * everything at once: the driver still fetches query results in batches (cursor getMore), so the
 * only memory held is what the consumer keeps.
 */
public final class Publishers {

  private Publishers() {}

  /** Completes with every element, in order, when the publisher completes. */
  public static <T> CompletableFuture<List<T>> toList(Publisher<T> publisher) {
    List<T> items = new ArrayList<>();
    return forEach(publisher, items::add).thenApply(done -> items);
  }

  /** Completes with the first element, or empty; for publishers of at most one element. */
  public static <T> CompletableFuture<Optional<T>> first(Publisher<T> publisher) {
    return toList(publisher).thenApply(items -> items.stream().findFirst());
  }

  /**
   * Hands every element to {@code consumer} (called by one thread at a time, in order) and
   * completes when the publisher does. If the consumer throws, the subscription is cancelled and
   * the future fails with that exception.
   */
  public static <T> CompletableFuture<Void> forEach(Publisher<T> publisher, Consumer<T> consumer) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(new ForEach<>(consumer, done));
    return done;
  }

  private static final class ForEach<T> implements Subscriber<T> {
    private final Consumer<T> consumer;
    private final CompletableFuture<Void> done;
    private Subscription subscription;

    ForEach(Consumer<T> consumer, CompletableFuture<Void> done) {
      this.consumer = consumer;
      this.done = done;
    }

    @Override
    public void onSubscribe(Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
      if (done.isDone()) {
        return;
      }
      try {
        consumer.accept(item);
      } catch (RuntimeException e) {
        subscription.cancel();
        done.completeExceptionally(e);
      }
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
