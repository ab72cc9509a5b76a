package io.llmops.observability.internal.llm;

import java.util.ArrayList;

/** The elements kept of an array, and how many it had. Internal. */
final class CappedList extends ArrayList<Object> {

  private static final long serialVersionUID = 1L;

  private int originalSize;

  CappedList(int capacity) {
    super(capacity);
  }

  /** Counts {@code elements} more of the original array, kept or not. */
  void counted(int elements) {
    originalSize += elements;
  }

  int originalSize() {
    return originalSize;
  }
}
