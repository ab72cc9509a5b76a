package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rejected message is kept, whole and findable, and the rest of its batch goes on. */
class DeadLettersTest {

  private static final Instant NOW = Instant.parse("2026-01-26T16:51:51.021Z");
  private static final String GOOD = "{\"trace_id\":\"t-1\",\"spans\":[]}";
  private static final String BAD = "{\"compressed\":true,\"data\":\"not base64!\"}";

  @TempDir Path folder;

  private BatchDecoder decoderInto(DeadLetterStore store) {
    return new BatchDecoder(new MessageDecoder(DecodeLimits.defaults()), store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.sorted().toList();
    }
  }

  @Test
  void aBatchWithOneBadMessageYieldsTheOthersDecodedAndOneDeadLetter() throws IOException {
    BatchDecoder batch = decoderInto(new LocalFolderDeadLetters(folder));

    BatchResult result = batch.decode(List.of(
        new IncomingMessage("m1", GOOD), new IncomingMessage("m2", BAD), new IncomingMessage("m3", GOOD)));

    assertThat(result.decoded()).extracting(BatchResult.Decoded::messageId).containsExactly("m1", "m3");
    assertThat(result.deadLettered()).containsExactly("m2");
    assertThat(result.failed()).isEmpty();
    assertThat(files()).hasSize(1);
    JsonNode letter = new ObjectMapper().readTree(files().get(0).toFile());
    assertThat(letter.get("message_id").asText()).isEqualTo("m2");
    assertThat(letter.get("reason").asText()).isEqualTo("bad_base64");
    assertThat(letter.get("received_at").asText()).isEqualTo("2026-01-26T16:51:51.021Z");
    assertThat(letter.get("body").asText()).isEqualTo(BAD);
    assertThat(letter.get("body_truncated").asBoolean()).isFalse();
    assertThat(batch.counters()).containsEntry("decoded", 2L).containsEntry("rejected.bad_base64", 1L)
        .containsEntry("dead_letters.written", 1L);
  }

  @Test
  void aBodyTooLargeToKeepWholeKeepsItsBeginningAndSaysSo() throws IOException {
    String huge = "x".repeat(DeadLetter.MAX_BODY_CHARS + 10);

    decoderInto(new LocalFolderDeadLetters(folder)).decode(List.of(new IncomingMessage("m1", huge)));

    JsonNode letter = new ObjectMapper().readTree(files().get(0).toFile());
    assertThat(letter.get("reason").asText()).isEqualTo("body_too_large");
    assertThat(letter.get("body").asText()).hasSize(DeadLetter.MAX_BODY_CHARS);
    assertThat(letter.get("body_length").asInt()).isEqualTo(DeadLetter.MAX_BODY_CHARS + 10);
    assertThat(letter.get("body_truncated").asBoolean()).isTrue();
  }

  @Test
  void aMessageWhoseDeadLetterCannotBeWrittenIsLeftOnTheQueueAndCounted() {
    BatchDecoder batch = decoderInto(letter -> {
      throw new IOException("disk full");
    });

    BatchResult result = batch.decode(List.of(new IncomingMessage("m1", BAD), new IncomingMessage("m2", GOOD)));

    assertThat(result.failed()).containsExactly("m1");
    assertThat(result.deadLettered()).isEmpty();
    assertThat(result.decoded()).hasSize(1);
    assertThat(batch.counters()).containsEntry("dead_letters.write_failed", 1L);
  }

  @Test
  void aMessageIdCannotLeadTheFileOutOfItsFolder() throws IOException {
    decoderInto(new LocalFolderDeadLetters(folder)).decode(List.of(new IncomingMessage("../../escape", BAD)));

    assertThat(files()).singleElement().satisfies(file ->
        assertThat(file.getFileName().toString()).isEqualTo(NOW.toEpochMilli() + "-______escape.json"));
  }

  @Test
  void theSameMessageRejectedTwiceAtOneMomentLeavesOneFileAndNoTemporaryOnes() throws IOException {
    BatchDecoder batch = decoderInto(new LocalFolderDeadLetters(folder));

    batch.decode(List.of(new IncomingMessage("m1", BAD)));
    batch.decode(List.of(new IncomingMessage("m1", BAD)));

    assertThat(files()).hasSize(1);
    assertThat(batch.counters()).containsEntry("rejected.bad_base64", 2L);
  }

  @Test
  void missingArgumentsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new LocalFolderDeadLetters(null)).hasMessageContaining("folder");
    assertThatThrownBy(() -> new IncomingMessage("m", null)).hasMessageContaining("body");
    assertThatThrownBy(() -> new BatchDecoder(null, letter -> {}, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decoder");
  }
}
