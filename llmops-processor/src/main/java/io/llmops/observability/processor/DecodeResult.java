package io.llmops.observability.processor;

import org.jspecify.annotations.Nullable;

/** What decoding one message gave: exactly one of a trace and a rejection. */
public record DecodeResult(@Nullable DecodedTrace trace, @Nullable Rejection rejection) {

  /** A decoded trace. */
  public static DecodeResult of(DecodedTrace trace) {
    return new DecodeResult(trace, null);
  }

  /** A rejection. */
  public static DecodeResult rejected(RejectionReason reason, String detail) {
    return new DecodeResult(null, new Rejection(reason, detail));
  }

  /** Whether the message was decoded. */
  public boolean decoded() {
    return trace != null;
  }
}
