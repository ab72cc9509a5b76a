package io.llmops.observability.internal.capture;

/**
 * A string that was too long to capture whole: its beginning and its original length in
 * characters. Written as the preview followed by a truncation note. Internal.
 */
public record TruncatedText(String preview, long originalLength) {

  public String render() {
    return preview + "…[truncated: " + originalLength + " chars]";
  }
}
