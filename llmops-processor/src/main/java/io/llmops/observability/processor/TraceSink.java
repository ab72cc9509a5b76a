package io.llmops.observability.processor;

/**
 * One destination of exported traces (an S3 archive, Langfuse, an OTLP backend, a local folder).
 * A sink is idempotent per {@link ExportedTrace#exportId()}: delivering the same export twice
 * (a retry, a message SQS delivered twice) leaves what one delivery leaves.
 */
public interface TraceSink {

  /** A short stable name ({@code s3}, {@code langfuse}, {@code otlp}, {@code local}). */
  String name();

  /** Delivers {@code trace}; returns once the destination holds it, throws when it does not. */
  void deliver(ExportedTrace trace) throws Exception;
}
