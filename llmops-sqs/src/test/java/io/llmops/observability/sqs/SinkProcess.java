package io.llmops.observability.sqs;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.sqs.internal.SpilloverJournal;
import io.llmops.observability.sqs.internal.SqsSink;
import io.llmops.observability.sqs.internal.SqsSinkOptions;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child JVM holding one SQS sink, for the tests that run several processes on one spillover
 * directory or kill one with {@code kill -9} ({@link ChildSink} drives it). Arguments: spillover
 * directory, queue URL, {@code LLMOPS_SQS_DELIVERY}, then any further settings as
 * {@code NAME=value}. Commands on standard input:
 * {@code export <first> <count>}, {@code flood <first>} (exports 16 messages at a time until
 * killed), {@code flush} (until every message exported so far is sent or spilled), {@code shutdown}. Every line it prints ends with " ." so that a line cut by a kill is
 * recognisable (standard output goes to a file, not a pipe, which loses what was written last):
 * <ul>
 *   <li>{@code ready <journal directory> .} once the sink runs;
 *   <li>{@code exported <first> <count> .} after {@code export} returned for those messages;
 *   <li>{@code flushed .} after {@code flush};
 *   <li>{@code counter <name> <value> .} for every counter after {@code shutdown}, then {@code bye .}
 * </ul>
 */
public final class SinkProcess {

  private SinkProcess() {}

  /** Message {@code id}: trace id {@code trace-<id>}, idempotency key {@code key-<id>}, a body of about 1 KB. */
  static TraceMessage message(long id) {
    Random random = new Random(id);
    StringBuilder body = new StringBuilder(1_100).append("{\"id\":").append(id).append(",\"pad\":\"");
    for (int i = 0; i < 1_000; i++) {
      body.append((char) ('a' + random.nextInt(26)));
    }
    return new TraceMessage("trace-" + id, "SDKTraceData", body.append("\"}").toString(), "key-" + id,
        new byte[0], 1);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    LlmopsConfig.Builder settings = SqsTesting.config(args[1], dir).set(SqsSettings.DELIVERY, args[2]);
    for (int i = 3; i < args.length; i++) {
      settings.set(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
    }
    LlmopsConfig config = settings.build();
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    SinkMetrics metrics = SinkMetrics.detached();
    SqsSinkOptions options = SqsSinkOptions.from(config);
    // The journal opens (and takes the directory's lock) on first use only if the directory
    // exists: created here, the first child started owns it before it spills anything.
    Files.createDirectories(dir);
    SqsSink sink = SqsSink.start(options, metrics);
    SpilloverJournal journal = SpilloverJournal.acquire(dir, options.spillMaxBytes(), options.fsync());
    out.println("ready " + journal.directory() + " .");
    journal.release();
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] command = line.split(" ");
      switch (command[0]) {
        case "export" -> export(sink, out, Long.parseLong(command[1]), Integer.parseInt(command[2]));
        case "flood" -> {
          for (long first = Long.parseLong(command[1]); ; first += 16) {
            export(sink, out, first, 16);
          }
        }
        case "flush" -> {
          sink.flush(Duration.ofSeconds(60));
          out.println("flushed .");
          out.flush();
        }
        case "shutdown" -> {
          sink.shutdown(Duration.ofSeconds(10));
          for (String name : List.of(SqsSettings.COUNTER_SENT, SqsSettings.COUNTER_SPILLED,
              SqsSettings.COUNTER_INHERITED, SqsSettings.COUNTER_REPLAYED, SqsSettings.COUNTER_EVICTED,
              SqsSettings.COUNTER_POSSIBLE_DUPLICATES, SqsSettings.DROPPED_SPILL_FAILED)) {
            out.println("counter " + name + " " + metrics.get(name) + " .");
          }
          out.println("bye .");
          out.flush();
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("unknown command " + line);
      }
    }
  }

  private static void export(SqsSink sink, PrintStream out, long first, int count) {
    for (long from = first; from < first + count; from += 64) {
      int n = (int) Math.min(64, first + count - from);
      List<TraceMessage> batch = new ArrayList<>(n);
      for (long id = from; id < from + n; id++) {
        batch.add(message(id));
      }
      sink.export(batch);
      out.println("exported " + from + " " + n + " .");
      out.flush();
    }
  }
}
