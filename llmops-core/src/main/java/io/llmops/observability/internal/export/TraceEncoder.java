package io.llmops.observability.internal.export;

import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.model.TraceData;

/** Turns a finished trace into its wire message (the wire package's MessageEncoder). Internal. */
@FunctionalInterface
public interface TraceEncoder {

  TraceMessage encode(TraceData trace);
}
