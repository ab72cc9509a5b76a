package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Hostile or broken messages are rejected with a reason, cost little, and are never echoed. */
class BoundedDecodingTest {

  private static final String ID = "0b7c6f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String SECRET = "sk-secretvalue123";
  private final MessageDecoder decoder = new MessageDecoder(DecodeLimits.defaults());

  private static String trace(String extra) {
    return "{\"trace_id\":\"" + ID + "\",\"spans\":[]" + extra + "}";
  }

  private RejectionReason reasonFor(String body) {
    DecodeResult result = decoder.decode(body);
    assertThat(result.decoded()).as("decoded").isFalse();
    assertThat(result.rejection().detail()).doesNotContain(SECRET);
    return result.rejection().reason();
  }

  @Test
  void aGzipBombIsRejectedAtTheCapWithoutInflatingItAll() {
    byte[] zeros = new byte[64 << 20];
    String bomb = Bodies.compressedBytes(ID, "SDKTraceData", zeros);
    DecodeLimits small = new DecodeLimits(DecodeLimits.DEFAULT_MAX_BODY_CHARS, 1 << 20, 64, 1 << 20);

    DecodeResult result = new MessageDecoder(small).decode(bomb);

    assertThat(bomb.length()).isLessThan(DecodeLimits.DEFAULT_MAX_BODY_CHARS);
    assertThat(result.rejection().reason()).isEqualTo(RejectionReason.DECOMPRESSED_TOO_LARGE);
  }

  @Test
  void aTraceExactlyAtTheDecompressedCapIsDecoded() {
    byte[] json = trace("").getBytes(StandardCharsets.UTF_8);
    DecodeLimits exact = new DecodeLimits(1 << 20, json.length, 64, 1 << 20);

    assertThat(new MessageDecoder(exact).decode(Bodies.compressedBytes(ID, "trace", json)).decoded()).isTrue();
    DecodeLimits oneShort = new DecodeLimits(1 << 20, json.length - 1, 64, 1 << 20);
    assertThat(new MessageDecoder(oneShort).decode(Bodies.compressedBytes(ID, "trace", json)).rejection().reason())
        .isEqualTo(RejectionReason.DECOMPRESSED_TOO_LARGE);
  }

  @Test
  void nestingDeeperThanTheLimitIsRejectedInTheBodyAndInsideTheCompressedTrace() {
    String deep = "[".repeat(100) + "]".repeat(100);

    assertThat(reasonFor(trace(",\"trace_input\":" + deep))).isEqualTo(RejectionReason.TOO_DEEP);
    assertThat(reasonFor(Bodies.compressed(ID, "trace", trace(",\"trace_input\":" + deep))))
        .isEqualTo(RejectionReason.TOO_DEEP);
  }

  @Test
  void aStringLongerThanTheLimitIsRejected() {
    DecodeLimits shortStrings = new DecodeLimits(1 << 20, 1 << 20, 64, 1000);
    String longText = "\"" + "x".repeat(1001) + "\"";

    DecodeResult result = new MessageDecoder(shortStrings)
        .decode(Bodies.compressed(ID, "trace", trace(",\"trace_output\":" + longText)));

    assertThat(result.rejection().reason()).isEqualTo(RejectionReason.STRING_TOO_LONG);
  }

  @Test
  void aBodyOverTheLimitIsRejectedBeforeParsing() {
    DecodeLimits tiny = new DecodeLimits(100, 1 << 20, 64, 1 << 20);

    DecodeResult result = new MessageDecoder(tiny).decode(trace(",\"pad\":\"" + "x".repeat(200) + "\""));

    assertThat(result.rejection().reason()).isEqualTo(RejectionReason.BODY_TOO_LARGE);
  }

  @Test
  void brokenEncodingsAreRejectedEachWithItsReason() {
    byte[] gzip = Bodies.gzip(trace("").getBytes(StandardCharsets.UTF_8));
    String cutGzip = Base64.getEncoder().encodeToString(Arrays.copyOf(gzip, gzip.length / 2));
    String notGzip = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

    assertThat(reasonFor("{\"compressed\":true,\"data\":\"" + SECRET + "!!\"}")).isEqualTo(RejectionReason.BAD_BASE64);
    assertThat(reasonFor("{\"compressed\":true,\"data\":\"" + cutGzip + "\"}")).isEqualTo(RejectionReason.BAD_GZIP);
    assertThat(reasonFor("{\"compressed\":true,\"data\":\"" + notGzip + "\"}")).isEqualTo(RejectionReason.BAD_GZIP);
    assertThat(reasonFor("{\"compressed\":true,\"data\":42}")).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor("{\"trace_id\":\"" + SECRET)).isEqualTo(RejectionReason.BAD_JSON);
    assertThat(reasonFor(SECRET)).isEqualTo(RejectionReason.BAD_JSON);
    assertThat(reasonFor(Bodies.compressed(ID, "trace", "{\"trace_id\": " + SECRET + "}")))
        .isEqualTo(RejectionReason.BAD_JSON);
  }

  @Test
  void twoReadingsOfOneBodyAreRefusedRatherThanGuessed() {
    assertThat(reasonFor("{\"trace_id\":\"a\",\"trace_id\":\"b\"}")).isEqualTo(RejectionReason.BAD_JSON);
    assertThat(reasonFor(trace("") + "{\"trace_id\":\"other\"}")).isEqualTo(RejectionReason.BAD_JSON);
    assertThat(reasonFor(Bodies.compressed("another-trace", "trace", trace(""))))
        .isEqualTo(RejectionReason.NOT_A_TRACE);
  }

  @Test
  void jsonThatIsNotATraceIsRejectedNamingTheField() {
    assertThat(reasonFor("[1,2]")).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor("{\"spans\":[]}")).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor("{\"trace_id\":7}")).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor(trace(",\"is_child_segment\":true"))).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor(trace(",\"has_external_segments\":\"yes\""))).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor("{\"trace_id\":\"" + ID + "\",\"spans\":{}}")).isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor("{\"trace_id\":\"" + ID + "\",\"spans\":[{\"span_name\":\"x\"}]}"))
        .isEqualTo(RejectionReason.NOT_A_TRACE);
    assertThat(reasonFor(Bodies.compressed(ID, "SomethingElse", trace("")))).isEqualTo(RejectionReason.UNKNOWN_TYPE);
    assertThat(decoder.decode("{\"trace_id\":\"" + ID + "\",\"spans\":[{\"span_id\":\"s\",\"parent_span_id\":{}}]}")
        .rejection().detail()).contains("spans[0].parent_span_id");
  }

  @Test
  void aPythonTraceWithoutItsOptionalFieldsDecodesAsAWholeTrace() {
    DecodeResult result = decoder.decode("{\"trace_id\":\"" + ID + "\",\"trace_name\":\"n\"}");

    assertThat(result.trace().childSegment()).isFalse();
    assertThat(result.trace().hasExternalSegments()).isFalse();
    assertThat(result.trace().trace().get("spans")).isEmpty();
  }

  @Test
  void anUncompressedWrapperCarryingTheTraceAsAnObjectDecodes() {
    DecodeResult result = decoder.decode("{\"compressed\":false,\"data\":" + trace("") + ",\"type\":\"trace\"}");

    assertThat(result.trace().traceId()).isEqualTo(ID);
  }

  @Test
  void limitsThatAreNotPositiveAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new DecodeLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBodyChars");
    assertThatThrownBy(() -> new DecodeLimits(1, 1, -1, 1)).hasMessageContaining("maxNestingDepth");
    assertThatThrownBy(() -> new MessageDecoder(null)).hasMessageContaining("limits");
  }
}
