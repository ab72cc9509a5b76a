package io.llmops.observability;

import org.jspecify.annotations.Nullable;

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
 * <p>{@link #finalizeAndSend}, {@link #endTrace()}, {@link TraceEnding#send()} and {@link
 * #currentTraceId()} never throw, and finalizing never waits on the network: serialization,
 * compression and delivery happen on a background worker. Only starting a trace validates its
 * name ({@link #startTrace} and {@link #newTrace} reject a null or blank name with an
 * IllegalArgumentException, as builders do).
 *
 * <p>Thread-safe: every method may be called from any thread, and acts on the calling thread's
 * context.
 */
public final class TraceManager {

  private TraceManager() {}

  /**
   * Starts a trace named {@code name}; see {@link TraceBuilder#start()}.
   *
   * @return the trace id, or null when no trace was started (tracing is disabled or failed)
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static @Nullable String startTrace(String name) {
    return newTrace(name).start();
  }

  /**
   * A builder for a trace with project, environment, metadata, user, session and tags.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static TraceBuilder newTrace(String name) {
    return Engine.get().traceBuilder(name);
  }

  /**
   * Describes the end of the active trace of this context (user, session, name, input, output),
   * sent by {@link TraceEnding#send()}: the specification's {@code finalize_and_send} with
   * keyword arguments.
   */
  public static TraceEnding finalizeTrace() {
    return new TraceEnding();
  }

  /**
   * Records the trace's input and output, then sends the active trace of this context; null
   * leaves a field unset. Idempotent: without an active trace it does nothing. For the user,
   * session or name use {@link #finalizeTrace()}.
   *
   * @return true if a trace was finalized by this call
   */
  public static boolean finalizeAndSend(
      @Nullable Object traceInput, @Nullable Object traceOutput) {
    return finalizeTrace().input(traceInput).output(traceOutput).send();
  }

  /** Sends the active trace without trace-level input or output; see the two-argument form. */
  public static boolean finalizeAndSend() {
    return finalizeTrace().send();
  }

  /** Ends and sends the active trace; same as {@link #finalizeAndSend()}. */
  public static boolean endTrace() {
    return finalizeAndSend();
  }

  /**
   * The id of the active trace of this context, or null (not an empty string) when there is none
   * or it is being finalized.
   */
  public static @Nullable String currentTraceId() {
    return Engine.get().currentTraceId();
  }
}
