package io.llmops.observability.processor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where the processor keeps what it knows of a trace (docs/PROCESSOR.md, "Store layout"). A piece
 * of a trace is its first message ({@link #PARENT}) or a child segment (its segment id). Ids that
 * are not plain ({@code [A-Za-z0-9_-]}, at most 128) are named by a digest, {@code =<hex>}.
 */
public final class StoreLayout {

  /** The piece id of a trace's first message. */
  public static final String PARENT = "=parent";

  public static final String PENDING = "pending/";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private StoreLayout() {}

  public static String parent(String traceId) {
    return "parents/" + name(traceId) + ".json";
  }

  /** The specification's key of a staged child segment. */
  public static String child(String traceId, String segmentId) {
    return children(traceId) + name(segmentId) + ".json";
  }

  public static String children(String traceId) {
    return "child_traces/" + name(traceId) + "/";
  }

  /** The marker that keeps a piece on the sweep's list until it is delivered. */
  public static String pending(String traceId, String pieceId) {
    return PENDING + name(traceId) + "/" + pieceName(pieceId);
  }

  public static String claim(String traceId) {
    return "exports/" + name(traceId) + "/claim";
  }

  public static String delivered(String traceId) {
    return "exports/" + name(traceId) + "/delivered";
  }

  public static String late(String traceId, String pieceId) {
    return "exports/" + name(traceId) + "/late/" + pieceName(pieceId);
  }

  private static String pieceName(String pieceId) {
    return pieceId.equals(PARENT) ? "parent" : "segment-" + name(pieceId);
  }

  private static String name(String id) {
    if (PLAIN.matcher(id).matches()) {
      return id;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return "=" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
