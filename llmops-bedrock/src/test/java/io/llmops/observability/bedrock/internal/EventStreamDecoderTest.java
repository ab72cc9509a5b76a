package io.llmops.observability.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class EventStreamDecoderTest {

  static byte[] message(String eventType, String payload) {
    byte[] name = ":event-type".getBytes(StandardCharsets.UTF_8);
    byte[] value = eventType.getBytes(StandardCharsets.UTF_8);
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    int headers = 1 + name.length + 1 + 2 + value.length + 5 + 7; // + int16 "n" and int32 "m" headers
    int total = 12 + headers + body.length + 4;
    ByteBuffer out = ByteBuffer.allocate(total);
    out.putInt(total).putInt(headers);
    out.putInt(crc(out.array(), 8));
    out.put((byte) name.length).put(name).put((byte) 7).putShort((short) value.length).put(value);
    out.put((byte) 1).put("n".getBytes(StandardCharsets.UTF_8)).put((byte) 3).putShort((short) 0);
    out.put((byte) 1).put("m".getBytes(StandardCharsets.UTF_8)).put((byte) 4).putInt(42);
    out.put(body);
    out.putInt(crc(out.array(), total - 4));
    return out.array();
  }

  static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  @Test
  void messagesSplitAtEveryByteAreDecodedWithoutMovingTheCallersBuffer() {
    byte[] one = message("a", "{\"x\":1}");
    byte[] two = message("b", "{}");
    byte[] all = new byte[one.length + two.length];
    System.arraycopy(one, 0, all, 0, one.length);
    System.arraycopy(two, 0, all, one.length, two.length);
    List<EventStreamDecoder.Message> seen = new ArrayList<>();
    EventStreamDecoder decoder = new EventStreamDecoder(seen::add);

    for (byte b : all) {
      ByteBuffer single = ByteBuffer.wrap(new byte[] {b});
      decoder.feed(single);
      assertThat(single.remaining()).isEqualTo(1);
    }

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).headers()).isEqualTo(Map.of(":event-type", "a"));
    assertThat(new String(seen.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
    assertThat(seen.get(1).header(":event-type")).isEqualTo("b");
    assertThat(decoder.broken()).isFalse();
  }

  @Test
  void aCorruptedMessageStopsDecodingForGood() {
    byte[] bad = message("a", "{\"x\":1}");
    bad[bad.length - 6] ^= 0x1;
    List<EventStreamDecoder.Message> seen = new ArrayList<>();
    EventStreamDecoder decoder = new EventStreamDecoder(seen::add);

    decoder.feed(ByteBuffer.wrap(bad));
    decoder.feed(ByteBuffer.wrap(message("b", "{}")));

    assertThat(seen).isEmpty();
    assertThat(decoder.broken()).isTrue();
  }

  @Test
  void garbageInThePreludeIsRejectedWithoutBuffering() {
    EventStreamDecoder decoder = new EventStreamDecoder(m -> { });
    decoder.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(decoder.broken()).isTrue();
  }
}
