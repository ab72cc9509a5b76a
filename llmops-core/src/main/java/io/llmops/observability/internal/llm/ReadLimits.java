package io.llmops.observability.internal.llm;

import io.llmops.observability.internal.capture.CaptureLimits;

/**
 * Every bound the response readers keep to, so that reading costs the caller time and memory in
 * proportion to what is kept, whatever arrives. See docs/LLM.md ("Large responses"). Internal.
 */
final class ReadLimits {

  /** JSON text longer than this (characters; bytes for a {@code byte[]}) is not parsed at all. */
  static final int MAX_PARSED_CHARS = 8 * 1024 * 1024;
  /** Values kept of one document or stream event. */
  static final int MAX_NODES = 10_000;
  /** Further values kept, once {@link #MAX_NODES} are spent, if no deeper than {@link #RESERVED_DEPTH}. */
  static final int RESERVED_NODES = 2_000;
  /** Usage, model and stop reason sit at most this deep in every provider's shape. */
  static final int RESERVED_DEPTH = 4;
  /** Nesting followed into a document; deeper values are skipped. */
  static final int MAX_DEPTH = 32;
  /** Elements kept of one array, entries of one object. */
  static final int MAX_ELEMENTS = 1_000;
  /** Characters kept of one string of a document. */
  static final int MAX_STRING_CHARS = 256 * 1024;
  /** Strings up to this length are kept whole; longer ones share {@link #MAX_DOCUMENT_CHARS}. */
  static final int SHORT_STRING_CHARS = 256;
  /** Characters of long strings kept of one document or stream event in all. */
  static final int MAX_DOCUMENT_CHARS = 1024 * 1024;
  /** Events read of one stream. */
  static final int MAX_EVENTS = 100_000;
  /** Of a longer list of events, its last ones are read after the first, for the final usage. */
  static final int TAIL_EVENTS = 1_000;
  /** Characters kept of the response text, the echoed prompt and each tool call's arguments. */
  static final int MAX_TEXT_CHARS = CaptureLimits.MAX_STRING_CHARS;
  /** Tool calls kept of one response. */
  static final int MAX_TOOL_CALLS = 128;

  private ReadLimits() {}
}
