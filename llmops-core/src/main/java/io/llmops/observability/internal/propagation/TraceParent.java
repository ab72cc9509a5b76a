package io.llmops.observability.internal.propagation;

import io.llmops.observability.internal.common.HexIds;
import java.util.Optional;

/**
 * A W3C Trace Context {@code traceparent} value (version {@code 00}): a 32-hex-digit trace id, the
 * caller's 16-hex-digit span id and the flags, of which bit 0 says "sampled". Parsing is strict,
 * as the recommendation asks: anything not exactly valid is absent, never repaired, so that a
 * hostile or broken header only ever means "no caller". Internal.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param parentId 16 lowercase hex digits, not all zero
 * @param flags the trace flags byte
 */
public record TraceParent(String traceId, String parentId, int flags) {

  /** The header's name (HTTP header names are case-insensitive; carriers may need this case). */
  public static final String HEADER = "traceparent";

  private static final int SAMPLED = 0x01;
  private static final int VERSION_00_LENGTH = 55;
  /** Longer values are refused unread: no valid value of any version needs this much. */
  private static final int MAX_LENGTH = 256;

  public TraceParent {
    if (!HexIds.isLowerHex(traceId, 32) || HexIds.isZero(traceId)) {
      throw new IllegalArgumentException("traceId must be 32 lowercase hex digits, not all zero");
    }
    if (!HexIds.isSpanId(parentId)) {
      throw new IllegalArgumentException("parentId must be 16 lowercase hex digits, not all zero");
    }
    if (flags < 0 || flags > 0xff) {
      throw new IllegalArgumentException("flags must be a byte, 0 to 255");
    }
  }

  /** A sampled context for a call made from {@code parentId} in trace {@code traceId}. */
  public static TraceParent sampled(String traceId, String parentId) {
    return new TraceParent(traceId, parentId, SAMPLED);
  }

  public boolean isSampled() {
    return (flags & SAMPLED) != 0;
  }

  /** The header value: {@code 00-<trace id>-<parent id>-<flags>}. */
  public String format() {
    return "00-" + traceId + '-' + parentId + '-' + Character.forDigit(flags >> 4, 16)
        + Character.forDigit(flags & 0xf, 16);
  }

  /**
   * The context in a header value, or empty when the value is absent or not exactly valid: a
   * version other than two lowercase hex digits or {@code ff}, ids of the wrong length, case or
   * digits, all-zero ids, a version {@code 00} value with anything after its flags, control
   * characters, or more than {@value #MAX_LENGTH} characters. A later version is read by its
   * first four fields, as the recommendation says. Spaces and tabs around the value are ignored.
   */
  public static Optional<TraceParent> parse(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.length() < VERSION_00_LENGTH || v.charAt(2) != '-' || v.charAt(35) != '-'
        || v.charAt(52) != '-') {
      return Optional.empty();
    }
    String version = v.substring(0, 2);
    if (!HexIds.isLowerHex(version, 2) || version.equals("ff")) {
      return Optional.empty();
    }
    boolean exact = v.length() == VERSION_00_LENGTH;
    if (version.equals("00") ? !exact : !exact && v.charAt(VERSION_00_LENGTH) != '-') {
      return Optional.empty();
    }
    String traceId = v.substring(3, 35);
    String parentId = v.substring(36, 52);
    String flags = v.substring(53, 55);
    if (!HexIds.isLowerHex(traceId, 32) || HexIds.isZero(traceId) || !HexIds.isSpanId(parentId)
        || !HexIds.isLowerHex(flags, 2)) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(traceId, parentId, Integer.parseInt(flags, 16)));
  }
}
