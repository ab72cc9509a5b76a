package io.llmops.observability.processor;

/** Why a message could not be decoded; the name in lowercase is the counter suffix. */
public enum RejectionReason {
  /** The body is longer than {@link DecodeLimits#maxBodyChars()}. */
  BODY_TOO_LARGE,
  /** The body, or the decompressed trace, is not JSON. */
  BAD_JSON,
  /** {@code data} is not standard base64. */
  BAD_BASE64,
  /** The decoded {@code data} is not gzip, or is cut short. */
  BAD_GZIP,
  /** The trace inflates beyond {@link DecodeLimits#maxDecompressedBytes()}. */
  DECOMPRESSED_TOO_LARGE,
  /** JSON nested deeper than {@link DecodeLimits#maxNestingDepth()}. */
  TOO_DEEP,
  /** A JSON string longer than {@link DecodeLimits#maxStringChars()}. */
  STRING_TOO_LONG,
  /** The wrapper's {@code type} is neither {@code trace} nor {@code SDKTraceData}. */
  UNKNOWN_TYPE,
  /** Valid JSON that is not a trace: a required field missing or of the wrong type. */
  NOT_A_TRACE;

  /** The counter name, {@code rejected.<reason>}. */
  public String counterName() {
    return "rejected." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
