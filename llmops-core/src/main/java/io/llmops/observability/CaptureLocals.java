package io.llmops.observability;

/** Shared meaning of the {@code captureLocals} annotation attributes. Constants only. */
public final class CaptureLocals {

  /** {@code captureLocals = CaptureLocals.ALL} records every local variable. */
  public static final String ALL = "*";

  private CaptureLocals() {}
}
