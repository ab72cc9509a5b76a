package io.llmops.observability.internal.llm;

import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.capture.TruncatedText;
import io.llmops.observability.internal.common.Saturating;
import java.io.Writer;

/**
 * Text gathered piece by piece (stream deltas, tool-call argument fragments), of which the first
 * {@link ReadLimits#MAX_TEXT_CHARS} characters are kept and the rest only counted. Internal.
 */
final class CappedText {

  private static final String NOTE_START = "…[truncated: ";
  private static final String NOTE_END = " chars]";

  private final StringBuilder kept = new StringBuilder(16);
  private long length;

  /** Appends a String or a {@link TruncatedText} (counted at its original length). */
  void append(Object piece) {
    if (piece instanceof String s) {
      append(s, s.length());
    } else if (piece instanceof TruncatedText t) {
      append(t.preview(), t.originalLength());
    }
  }

  private void append(CharSequence piece, long pieceLength) {
    int room = ReadLimits.MAX_TEXT_CHARS - kept.length();
    if (room > 0) {
      kept.append(piece, 0, Math.min(room, piece.length()));
    }
    length = Saturating.add(length, pieceLength);
  }

  /** The text: a String when kept whole, else a {@link TruncatedText} with its full length. */
  Object value() {
    return length == kept.length() ? kept.toString()
        : Budget.cut(kept, ReadLimits.MAX_TEXT_CHARS, length);
  }

  /** As a String; a cut text ends with its truncation note. */
  String text() {
    Object value = value();
    return value instanceof TruncatedText t ? t.render() : (String) value;
  }

  /**
   * A response string as a span keeps it: one that a reader cut (it ends with the note of {@link
   * TruncatedText#render}) becomes that {@link TruncatedText} again, so that the wire reports its
   * full length; any other is captured as every string is.
   */
  static Object forSpan(String text) {
    if (text == null || !text.endsWith(NOTE_END)) {
      return Snapshotter.text(text);
    }
    int note = text.lastIndexOf(NOTE_START);
    if (note < 0 || note > ReadLimits.MAX_TEXT_CHARS) {
      return Snapshotter.text(text);
    }
    try {
      long length = Long.parseLong(text.substring(note + NOTE_START.length(),
          text.length() - NOTE_END.length()));
      return length > note ? new TruncatedText(text.substring(0, note), note, length)
          : Snapshotter.text(text);
    } catch (NumberFormatException e) {
      return Snapshotter.text(text);
    }
  }

  /** A writer appending here. */
  Writer writer() {
    return new Writer() {
      @Override
      public void write(char[] chars, int offset, int count) {
        CappedText.this.append(new String(chars, offset, Math.min(count, Math.max(0,
            ReadLimits.MAX_TEXT_CHARS - kept.length()))), count);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
