package io.llmops.observability.processor;

/**
 * What decoding one message may cost. A message over any limit is rejected, never decoded in part:
 *
 * @param maxBodyChars the message body (SQS allows at most 1 MiB)
 * @param maxDecompressedBytes the trace JSON after gunzip; inflating stops at this many bytes,
 *     so a decompression bomb costs no more
 * @param maxNestingDepth JSON nesting of the body and of the trace
 * @param maxStringChars any one JSON string (the body's {@code data} included)
 */
public record DecodeLimits(
    int maxBodyChars, int maxDecompressedBytes, int maxNestingDepth, int maxStringChars) {

  /** One MiB: the largest body SQS carries. */
  public static final int DEFAULT_MAX_BODY_CHARS = 1 << 20;
  /** 16 MiB: traces compress to 10-30%, so a full SQS message inflates to far less. */
  public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 16 << 20;
  /** The SDK nests captured values at most 12 deep, inside a handful of trace levels. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** The defaults: a body up to SQS's limit, strings as long as the body. */
  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_BODY_CHARS, DEFAULT_MAX_DECOMPRESSED_BYTES,
        DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_BODY_CHARS);
  }

  /** @throws IllegalArgumentException naming the first limit that is not positive */
  public DecodeLimits {
    requirePositive("maxBodyChars", maxBodyChars);
    requirePositive("maxDecompressedBytes", maxDecompressedBytes);
    requirePositive("maxNestingDepth", maxNestingDepth);
    requirePositive("maxStringChars", maxStringChars);
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive");
    }
  }
}
