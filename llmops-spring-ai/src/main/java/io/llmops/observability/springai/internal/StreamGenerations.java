package io.llmops.observability.springai.internal;

import io.llmops.observability.Span;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The chat generations of one subscription to a wrapped stream, for {@code LlmopsStreams}. While
 * the wrapper subscribes, every span started on its thread (a {@code ChatClient}'s, an
 * advisor's, or the model's own) carries this object in its observation's context; a chat
 * generation started later, on any thread, under such an observation hands itself over. No
 * registry: the references live in the stream's observations and end with them. Internal.
 */
public final class StreamGenerations {

  private static final String KEY = StreamGenerations.class.getName();
  private static final ThreadLocal<StreamGenerations> SUBSCRIBING = new ThreadLocal<>();
  private static final Object ENDED = new Object();

  /** The latest generation handed over, or {@link #ENDED} once taken or forgotten. */
  private final AtomicReference<Object> latest = new AtomicReference<>();

  /** Runs {@code subscription} with this object marking the spans it starts on this thread. */
  public void whileSubscribing(Runnable subscription) {
    StreamGenerations outer = SUBSCRIBING.get();
    SUBSCRIBING.set(this);
    try {
      subscription.run();
    } finally {
      if (outer == null) {
        SUBSCRIBING.remove();
      } else {
        SUBSCRIBING.set(outer);
      }
    }
  }

  /** The generation streaming now, once: later calls return null. */
  public @Nullable Span takeOnce() {
    return latest.getAndSet(ENDED) instanceof Span generation ? generation : null;
  }

  /** Drops the generation: the stream ended or was cancelled. */
  public void forget() {
    latest.set(ENDED);
  }

  /** Marks the observation of a span just started on a subscribing thread. */
  static void spanStarted(Observation.Context context) {
    StreamGenerations subscribing = SUBSCRIBING.get();
    if (subscribing != null && context.get(KEY) == null) {
      context.put(KEY, subscribing);
    }
  }

  /** Hands a chat generation to the stream whose span it is in, if any. */
  static void generationStarted(Observation.Context context, Span generation) {
    StreamGenerations stream = nearest(context);
    if (stream != null) {
      // in a tool loop the latest generation is the one streaming when the first element comes
      stream.latest.getAndUpdate(current -> current == ENDED ? ENDED : generation);
    }
  }

  private static @Nullable StreamGenerations nearest(Observation.Context context) {
    if (context.get(KEY) instanceof StreamGenerations own) {
      return own;
    }
    ObservationView parent = context.getParentObservation();
    for (int depth = 0; parent != null && depth < 64; depth++) {
      if (parent.getContextView().get(KEY) instanceof StreamGenerations found) {
        return found;
      }
      parent = parent.getContextView().getParentObservation();
    }
    return null;
  }
}
