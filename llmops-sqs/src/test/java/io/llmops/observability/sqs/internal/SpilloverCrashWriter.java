package io.llmops.observability.sqs.internal;

import io.llmops.observability.export.SinkMetrics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link SpilloverCrashTest}: appends records to the real journal without
 * end and, like the sink's replay thread, claims the oldest segment now and then, "delivers" part
 * of it and rewrites the rest. Each line it prints ends with " ." so that a line cut by the kill
 * is recognisable (standard output goes to a file: a pipe loses what the child wrote last when
 * the JDK drains it at the child's exit):
 * <ul>
 *   <li>{@code ack <id> .} after the append holding record {@code id} returned;
 *   <li>{@code delivered <id> .} before the replay removes record {@code id} from the journal;
 *   <li>{@code read <segment> <ids> .} what a replay read, for the failure message.
 * </ul>
 * Arguments: directory, first record id, random seed.
 */
public final class SpilloverCrashWriter {

  static final long CAP_BYTES = 2L << 20;

  private SpilloverCrashWriter() {}

  /** The record with this id: its body is derived from the id, so a reader can verify it. */
  static Entry record(long id) {
    return new Entry("trace-" + id, "SDKTraceData", "key-" + id, body(id));
  }

  static String body(long id) {
    Random random = new Random(id);
    int length = 50 + random.nextInt(random.nextInt(10) == 0 ? 40_000 : 2_000);
    StringBuilder body = new StringBuilder(length + 32).append("{\"id\":").append(id).append(",\"pad\":\"");
    while (body.length() < length) {
      body.append((char) ('a' + random.nextInt(26)));
    }
    return body.append("\"}").toString();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long next = Long.parseLong(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    SinkMetrics metrics = SinkMetrics.detached();
    // 512 KiB segments, so rotation happens within a round. The writer stops appending at half the
    // cap (and only replays), so that no acknowledged record is ever evicted.
    SpilloverJournal journal = SpilloverJournal.acquire(dir, CAP_BYTES, FsyncPolicy.ALWAYS);
    out.println("ready .");
    out.flush();
    while (true) {
      if (journal.sizeBytes() > CAP_BYTES / 2) {
        replayPart(journal, metrics, random, out);
        continue;
      }
      int n = 1 + random.nextInt(5);
      List<Entry> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(record(next + i));
      }
      journal.append(batch, metrics);
      StringBuilder acks = new StringBuilder();
      for (int i = 0; i < n; i++) {
        acks.append("ack ").append(next + i).append(" .\n");
      }
      out.print(acks);
      out.flush();
      next += n;
      if (random.nextInt(20) == 0) {
        replayPart(journal, metrics, random, out);
      }
    }
  }

  /** Claims the oldest segment, "delivers" a prefix of it and rewrites the rest (or deletes it). */
  private static void replayPart(SpilloverJournal journal, SinkMetrics metrics, Random random, PrintStream out)
      throws Exception {
    Segment segment = journal.claimOldest();
    if (segment == null) {
      return;
    }
    List<JournalFormat.Stored> stored = journal.read(segment, metrics).stored();
    List<JournalFormat.Record> records = stored.stream().map(JournalFormat.Stored::record).toList();
    int delivered = random.nextInt(records.size() + 1);
    StringBuilder lines = new StringBuilder("read ").append(segment.path.getFileName()).append(' ')
        .append(records.stream().map(r -> r.traceId().substring("trace-".length())).toList())
        .append(" keeping ").append(records.size() - delivered).append(" .\n");
    for (JournalFormat.Record record : records.subList(0, delivered)) {
      lines.append("delivered ").append(record.traceId().substring("trace-".length())).append(" .\n");
    }
    out.print(lines);
    out.flush();
    journal.finish(segment, stored.subList(delivered, stored.size()));
  }
}
