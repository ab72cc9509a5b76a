package io.llmops.observability.internal.capture;

/**
 * Bounds on what capture copies on the application's thread. They keep a capture cheap and
 * finite (a 100 MB string, a cyclic graph, an endless iterable or one huge string referenced a
 * thousand times all stop here); the wire format then applies the specification's per-field byte
 * limits on the export worker. Internal.
 */
public final class CaptureLimits {

  /** Characters kept of one string; above every default field limit so previews stay useful. */
  public static final int MAX_STRING_CHARS = 64 * 1024;
  /**
   * Characters kept beyond a cut, so that redaction (which runs on the export worker, before the
   * final cut) sees a secret that straddles the cut whole.
   */
  public static final int CUT_LOOKAHEAD_CHARS = 4 * 1024;
  /** Elements kept of one collection, array or map. */
  public static final int MAX_ELEMENTS = 500;
  /** Nesting depth followed into objects. */
  public static final int MAX_DEPTH = 12;
  /** Values copied by one capture call in all. */
  public static final int MAX_NODES = 10_000;
  /** Characters one span may capture in all (every string counted each time it is referenced). */
  public static final long MAX_SPAN_CHARS = 1L << 20;
  /** Characters one trace may capture in all, its spans included. */
  public static final long MAX_TRACE_CHARS = 8L << 20;
  /** What each captured value costs beside its characters, so that many tiny values add up too. */
  public static final int NODE_COST_CHARS = 16;
  /** Characters kept of a map key. */
  public static final int MAX_KEY_CHARS = 256;
  /** Bytes of a {@code byte[]} kept, as base64. */
  public static final int MAX_BINARY_BYTES = 1024;
  /** Stack frames kept per throwable, and causes followed. */
  public static final int MAX_FRAMES = 30;
  public static final int MAX_CAUSES = 5;

  private CaptureLimits() {}
}
