package io.llmops.observability.internal.export;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends each message body as one line to {@code <LLMOPS_FILE_SINK_DIR>/traces-<UTC date>.jsonl}:
 * exactly what would go to SQS, readable by the same consumer code. Several sinks and processes
 * may share the directory: a batch is appended whole or not at all ({@link SharedLineFile}), and
 * a batch that could not be written is reported as failed. The default sink when no other is
 * configured. Internal.
 */
public final class FileSink implements TraceSink {

  public static final String NAME = "file";

  private final Path directory;
  private final Clock clock;
  private boolean announced;

  public FileSink(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** The file that messages written now go to. */
  public Path currentFile() {
    return directory.resolve("traces-" + LocalDate.now(clock) + ".jsonl");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExportResult export(List<TraceMessage> messages) {
    Path file = currentFile();
    try {
      Files.createDirectories(directory);
      List<String> lines = new ArrayList<>(messages.size());
      messages.forEach(message -> lines.add(message.body()));
      long removed = SharedLineFile.append(file, lines);
      if (removed > 0) {
        SdkLog.warnOnce("file-sink-cut-line", "llmops: removed " + removed + " bytes of a "
            + "line cut off by a writer that stopped in the middle of it, at the end of "
            + file.toAbsolutePath());
      }
      if (!announced) {
        announced = true;
        SdkLog.info("llmops: writing traces to " + file.toAbsolutePath());
      }
      return ExportResult.success();
    } catch (IOException | RuntimeException e) {
      return ExportResult.failure("cannot write " + file.toAbsolutePath() + ": " + e);
    }
  }

  /** Registers the file sink under the name {@code file}. */
  public static final class Provider extends BuiltinSinkProvider {
    public Provider() {
      super(NAME, config -> new FileSink(config.fileSinkDir(), Clock.systemUTC()));
    }
  }
}
