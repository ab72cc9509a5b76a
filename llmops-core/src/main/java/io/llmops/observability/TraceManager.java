package io.llmops.observability;

import io.llmops.observability.internal.engine.Tracer;

/**
 * The trace lifecycle. A trace belongs to the execution context (thread, or the context carried
 * by {@link LlmopsContext#wrap}) that started it, never to the process.
 *
 * <pre>{@code
 * TraceManager.startTrace("chat_message");
 * String answer = assistant.answer(question);
 * TraceManager.finalizeAndSend(Map.of("user_msg", question), Map.of("bot_response", answer));
 * }</pre>
 *
 * <p>{@link #finalizeAndSend} and {@link #endTrace()} never throw and never wait on the network:
 * serialization, compression and delivery happen on a background worker.
 */
public final class TraceManager {

  private TraceManager() {}

  /** Starts a trace named {@code name}; see {@link TraceBuilder#start()}. */
  public static String startTrace(String name) {
    return newTrace(name).start();
  }

  /** A builder for a trace with project, environment, metadata, user, session and tags. */
  public static TraceBuilder newTrace(String name) {
    return Tracer.get().traceBuilder(name);
  }

  /**
   * Sets the trace-level fields and sends the active trace of this context. Null arguments leave
   * the field as it is. Idempotent: without an active trace it does nothing.
   *
   * @param traceName overrides the name given at start when not null
   * @return true if a trace was finalized by this call
   */
  public static boolean finalizeAndSend(
      String userId, String sessionId, String traceName, Object traceInput, Object traceOutput) {
    return Tracer.get().finalizeTrace(userId, sessionId, traceName, traceInput, traceOutput);
  }

  /** Records the trace's input and output, then sends it; see the five-argument form. */
  public static boolean finalizeAndSend(Object traceInput, Object traceOutput) {
    return finalizeAndSend(null, null, null, traceInput, traceOutput);
  }

  /** Sends the active trace without trace-level input or output. */
  public static boolean finalizeAndSend() {
    return finalizeAndSend(null, null, null, null, null);
  }

  /** Ends and sends the active trace; same as {@link #finalizeAndSend()}. */
  public static boolean endTrace() {
    return finalizeAndSend();
  }

  /** The id of the active trace of this context, or null. */
  public static String currentTraceId() {
    return Tracer.get().currentTraceId();
  }
}
