package io.llmops.observability.springai.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.model.tool.internal.ToolCallReactiveContextHolder;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import reactor.util.context.ContextView;

/**
 * The model call a tool call belongs to when its observation has no parent: a streamed model
 * call runs the tools it asks for on a thread of Reactor's, where no observation is current, and
 * hands its Reactor context, which holds the model call's observation, over to them through
 * {@code ToolCallReactiveContextHolder} (Spring AI 1.1 and 2.0). Without this the tool call's
 * span would start a trace of its own. Internal.
 */
public final class ToolCallParents {

  private static final boolean HOLDER_PRESENT = OnClassPath.has(
      "org.springframework.ai.model.tool.internal.ToolCallReactiveContextHolder");

  private ToolCallParents() {}

  /** The observation of the model call that asked for {@code context}'s tool call, or null. */
  public static @Nullable ObservationView requestingCall(Observation.Context context) {
    if (!HOLDER_PRESENT || !(context instanceof ToolCallingObservationContext)) {
      return null;
    }
    ContextView reactive = ToolCallReactiveContextHolder.getContext();
    Object call = reactive == null ? null
        : reactive.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
    return call instanceof Observation observation ? observation : null;
  }
}
