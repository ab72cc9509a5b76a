package io.llmops.observability.bedrock.internal;

/** The Bedrock Runtime operations that are recorded, with their span names. Internal. */
public enum Operation {
  CONVERSE("bedrock.converse", false),
  CONVERSE_STREAM("bedrock.converse_stream", true),
  INVOKE_MODEL("bedrock.invoke_model", false),
  INVOKE_MODEL_WITH_RESPONSE_STREAM("bedrock.invoke_model_with_response_stream", true);

  private final String spanName;
  private final boolean streaming;

  Operation(String spanName, boolean streaming) {
    this.spanName = spanName;
    this.streaming = streaming;
  }

  public String spanName() {
    return spanName;
  }

  public boolean streaming() {
    return streaming;
  }
}
