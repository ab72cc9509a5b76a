package io.llmops.observability.internal.capture;

/**
 * Bounds on what one capture copies on the application's thread. They keep a capture cheap and
 * finite (a 100 MB string, a cyclic graph or an endless iterable all stop here); the wire format
 * then applies the specification's per-field byte limits on the export worker. Internal.
 */
public final class CaptureLimits {

  /** Characters kept of one string; above every default field limit so previews stay useful. */
  public static final int MAX_STRING_CHARS = 64 * 1024;
  /** Elements kept of one collection, array or map. */
  public static final int MAX_ELEMENTS = 500;
  /** Nesting depth followed into objects. */
  public static final int MAX_DEPTH = 12;
  /** Values copied by one capture call in all. */
  public static final int MAX_NODES = 10_000;
  /** Bytes of a {@code byte[]} kept, as base64. */
  public static final int MAX_BINARY_BYTES = 1024;
  /** Stack frames kept per throwable, and causes followed. */
  public static final int MAX_FRAMES = 30;
  public static final int MAX_CAUSES = 5;

  private CaptureLimits() {}
}
