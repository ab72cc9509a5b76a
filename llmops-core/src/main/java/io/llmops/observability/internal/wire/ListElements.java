package io.llmops.observability.internal.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Secrets that only show across the elements of a list: a private key handed over one line per
 * element, and a value in the element after its key ({@code ["Authorization", "Bearer x"]},
 * {@code ["--password", "x"]}, header pairs). Each string is still redacted on its own
 * afterwards. Internal.
 */
final class ListElements {

  private static final int MAX_KEY = 64;

  private ListElements() {}

  /** {@code list} with those elements masked; the same list when there are none. */
  static List<?> mask(List<?> list, SensitiveKeys keys) {
    List<?> keyLinesMasked = PrivateKeyBlocks.maskLinesAfterBegin(list);
    List<Object> out = null;
    for (int i = 0; i + 1 < keyLinesMasked.size(); i++) {
      Object value = keyLinesMasked.get(i + 1);
      boolean scalar = value instanceof String || value instanceof Number;
      if (scalar && !Redactor.MASK.equals(value) && isKey(keyLinesMasked.get(i), keys)) {
        if (out == null) {
          out = new ArrayList<>(keyLinesMasked);
        }
        out.set(i + 1, Redactor.MASK);
        i++; // a value is not the key of the next element, even when it reads like one
      }
    }
    return out != null ? out : keyLinesMasked;
  }

  /** A short string without spaces naming a sensitive key. */
  private static boolean isKey(Object element, SensitiveKeys keys) {
    if (!(element instanceof String s) || s.length() < 2 || s.length() > MAX_KEY) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return keys.mayBeSensitive(s, 0, s.length()) && keys.isSensitive(s);
  }
}
