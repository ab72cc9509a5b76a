package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * The end of the active trace of the calling context, described field by field and sent with
 * {@link #send()}: the Java form of the specification's keyword arguments of {@code
 * finalize_and_send}. Obtain one from {@link TraceManager#finalizeTrace()}.
 *
 * <pre>{@code
 * TraceManager.finalizeTrace()
 *     .userId("user_123").sessionId("session_456").name("chat_message")
 *     .input(Map.of("user_msg", question)).output(Map.of("bot_response", answer))
 *     .send();
 * }</pre>
 *
 * <p>A field left unset, or set to null, keeps what the trace was started with. Setters reject
 * an invalid argument with an IllegalArgumentException naming it; {@link #send()} never throws.
 * Input and output are captured when {@code send()} runs. Not thread-safe: use it on the thread
 * whose trace it ends.
 */
public final class TraceEnding {

  private @Nullable String userId;
  private @Nullable String sessionId;
  private @Nullable String name;
  private @Nullable Object input;
  private @Nullable Object output;

  TraceEnding() {}

  /** The user id ({@code user_id}); null keeps the one given at start. */
  public TraceEnding userId(@Nullable String value) {
    userId = value;
    return this;
  }

  /** The session id ({@code session_id}); null keeps the one given at start. */
  public TraceEnding sessionId(@Nullable String value) {
    sessionId = value;
    return this;
  }

  /**
   * Replaces the trace name given at start; null keeps it.
   *
   * @throws IllegalArgumentException when {@code value} is blank
   */
  public TraceEnding name(@Nullable String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    name = value;
    return this;
  }

  /** The trace's input ({@code trace_input}); null leaves it unset. */
  public TraceEnding input(@Nullable Object value) {
    input = value;
    return this;
  }

  /** The trace's output ({@code trace_output}); null leaves it unset. */
  public TraceEnding output(@Nullable Object value) {
    output = value;
    return this;
  }

  /**
   * Sets the fields and sends the active trace of this context; idempotent, never throws and
   * never waits on the network (delivery runs on the export worker).
   *
   * @return true if this call finalized a trace; false without an active trace
   */
  public boolean send() {
    return Engine.get().finalizeTrace(userId, sessionId, name, input, output);
  }
}
