package io.llmops.observability.springai;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.springai.internal.ClientSpans;
import io.llmops.observability.springai.internal.Guard;
import io.llmops.observability.springai.internal.ModelSpans;
import io.llmops.observability.springai.internal.OnClassPath;
import io.llmops.observability.springai.internal.ToolCallParents;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Turns Spring AI's observations into spans: each {@code ChatModel} call (streamed or not) a
 * generation with the model, prompt messages, request parameters, response text, usage, finish
 * reason, tool calls and cost (read by {@code llmops-llm-providers}), or the provider's error;
 * each {@code ChatClient} call a span around what it does, each advisor step and each tool call
 * a span nested in it; embedding and image model calls generations of their own. Register it on
 * the {@code ObservationRegistry} Spring AI's models are given
 * ({@code registry.observationConfig().observationHandler(new LlmopsObservationHandler())});
 * {@link LlmopsSpringAiAutoConfiguration} does that in a Spring Boot application.
 *
 * <p>A span nests under the span of its parent observation, else under the span current when
 * the observation starts. While Spring AI has an observation's scope open on a thread, its span
 * is current there: the provider's HTTP call made inside a generation records onto it (see
 * docs/SPRING_AI.md). Nothing this handler does throws into Spring AI.
 */
public final class LlmopsObservationHandler implements ObservationHandler<Observation.Context> {

  private static final String SPAN = LlmopsObservationHandler.class.getName() + ".span";
  private static final boolean CLIENT_PRESENT = OnClassPath.has(
      "org.springframework.ai.chat.client.observation.ChatClientObservationContext");

  /** The scopes this handler opened on the thread, innermost first. */
  private static final ThreadLocal<Deque<OpenScope>> SCOPES =
      ThreadLocal.withInitial(ArrayDeque::new);

  private record OpenScope(Observation.Context context, Scope scope) {}

  @Override
  public boolean supportsContext(Observation.Context context) {
    String type = context.getClass().getName();
    return type.startsWith("org.springframework.ai.");
  }

  @Override
  public void onStart(Observation.Context context) {
    Guard.run("observation start", () -> {
      SpanBuilder builder = ModelSpans.open(context);
      if (builder == null && CLIENT_PRESENT) {
        builder = ClientSpans.open(context);
      }
      if (builder == null) {
        return;
      }
      LlmopsContext parent = parentOf(context);
      if (parent != null) {
        builder.parent(parent);
      }
      Span span = builder.startDetached();
      context.put(SPAN, span);
      ModelSpans.started(context, span);
    });
  }

  @Override
  public void onScopeOpened(Observation.Context context) {
    Guard.run("observation scope", () -> {
      Span span = context.get(SPAN);
      if (span != null) {
        SCOPES.get().push(new OpenScope(context, span.makeCurrent()));
      }
    });
  }

  @Override
  public void onScopeClosed(Observation.Context context) {
    Guard.run("observation scope", () -> {
      Deque<OpenScope> scopes = SCOPES.get();
      OpenScope top = scopes.peek();
      if (top != null && top.context() == context) {
        scopes.pop().scope().close();
      }
      if (scopes.isEmpty()) {
        SCOPES.remove();
      }
    });
  }

  @Override
  public void onError(Observation.Context context) {
    Guard.run("observation error", () -> {
      Span span = context.get(SPAN);
      if (span != null && context.getError() != null) {
        span.recordException(context.getError());
      }
    });
  }

  @Override
  public void onStop(Observation.Context context) {
    Guard.run("observation stop", () -> {
      if (!(context.remove(SPAN) instanceof Span span)) {
        return;
      }
      try {
        ModelSpans.close(context, span);
        if (CLIENT_PRESENT) {
          ClientSpans.close(context, span);
        }
      } finally {
        span.end();
      }
    });
  }

  /**
   * The context of the nearest parent observation that has a span (for a tool call without one,
   * of the model call that asked for it), or null.
   */
  private static @Nullable LlmopsContext parentOf(Observation.Context context) {
    ObservationView parent = context.getParentObservation();
    if (parent == null) {
      parent = ToolCallParents.requestingCall(context);
    }
    for (int depth = 0; parent != null && depth < 64; depth++) {
      Object span = parent.getContextView().get(SPAN);
      if (span instanceof Span found) {
        try (Scope ignored = found.makeCurrent()) {
          return LlmopsContext.current();
        }
      }
      parent = parent.getContextView().getParentObservation();
    }
    return null;
  }
}
