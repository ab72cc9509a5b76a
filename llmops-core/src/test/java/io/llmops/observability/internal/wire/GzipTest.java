package io.llmops.observability.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void compressedTextIsAStandardGzipStreamOfTheSameBytes() throws IOException {
    byte[] json = "{\"trace_id\":\"t\",\"spans\":[]}".repeat(500).getBytes(StandardCharsets.UTF_8);

    byte[] gz = Gzip.compress(json);

    assertThat(gz.length).isLessThan(json.length / 10);
    assertThat(gunzip(gz)).isEqualTo(json);
  }

  @Test
  void incompressibleAndEmptyInputsRoundTripAndTheReusedDeflaterCarriesNothingOver() throws IOException {
    byte[] noise = new byte[100_000];
    new Random(7).nextBytes(noise); // larger once deflated than the first output guess
    byte[] small = "second".getBytes(StandardCharsets.UTF_8);

    assertThat(gunzip(Gzip.compress(noise))).isEqualTo(noise);
    assertThat(gunzip(Gzip.compress(small))).isEqualTo(small);
    assertThat(gunzip(Gzip.compress(new byte[0]))).isEmpty();
  }
}
