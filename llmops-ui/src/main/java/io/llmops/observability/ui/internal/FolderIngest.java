package io.llmops.observability.ui.internal;

import io.llmops.observability.processor.DecodeLimits;
import io.llmops.observability.processor.DecodeResult;
import io.llmops.observability.processor.DecodedTrace;
import io.llmops.observability.processor.MessageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reads a folder tree of trace files into the store, each time {@link #scan()} is called: the
 * processor's local mode ({@code traces/{project}/{env}/{yyyy}/{MM}/{dd}/{trace_id}.json}, one
 * whole trace a file, rewritten when the trace grows) and the SDK's {@code file} sink
 * ({@code traces-<date>.jsonl}, one message a line, appended). A {@code .json} file is read again
 * when its size or time changes; a {@code .jsonl} file from where the last scan stopped, whole
 * lines only (a line without its newline is still being written). Both go through the
 * processor's {@link MessageDecoder}, so a compressed message and a bare trace are read alike.
 * Not thread-safe: one scanning thread.
 */
public final class FolderIngest {

  private static final Logger LOG = Logger.getLogger(FolderIngest.class.getName());
  private static final int MAX_FILE_BYTES = 16 << 20;
  private static final int BATCH = 500;

  private final Path root;
  private final TraceWriter writer;
  private final IngestCounters counters;
  private final MessageDecoder decoder = new MessageDecoder(
      new DecodeLimits(MAX_FILE_BYTES, MAX_FILE_BYTES, DecodeLimits.DEFAULT_MAX_NESTING_DEPTH, MAX_FILE_BYTES));
  private final Map<Path, FileState> seen = new HashMap<>();
  private final List<DecodedTrace> pending = new ArrayList<>();

  public FolderIngest(Path root, TraceWriter writer, IngestCounters counters) {
    this.root = root;
    this.writer = writer;
    this.counters = counters;
  }

  /** Stores what is new in the folder since the last scan; returns how many traces. */
  public int scan() throws SQLException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(path -> {
        String name = path.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonl");
      }).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.log(Level.WARNING, "llmops-ui: cannot list " + root + ": " + e.getClass().getSimpleName());
      return 0;
    }
    int stored = 0;
    for (Path file : files) {
      stored += read(file);
    }
    return stored + flush();
  }

  private int read(Path file) throws SQLException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return 0; // gone between the listing and now
    }
    FileState before = seen.get(file);
    long modified = attributes.lastModifiedTime().toMillis();
    if (before != null && before.size == attributes.size() && before.modifiedMs == modified) {
      return 0;
    }
    boolean lines = file.getFileName().toString().endsWith(".jsonl");
    long offset = lines && before != null && before.offset <= attributes.size() ? before.offset : 0;
    try {
      offset = lines ? readLines(file, offset) : readWhole(file, attributes.size());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "llmops-ui: cannot read " + file + ": " + e.getClass().getSimpleName());
      return 0;
    }
    seen.put(file, new FileState(attributes.size(), modified, offset));
    return pending.size() >= BATCH ? flush() : 0;
  }

  private long readWhole(Path file, long size) throws IOException {
    if (size > MAX_FILE_BYTES) {
      reject(file, "file_too_large");
      return size;
    }
    take(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    return size;
  }

  /** Reads whole lines from {@code offset}; returns the offset after the last whole line. */
  private long readLines(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long end = channel.size();
      long position = offset;
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_FILE_BYTES, Math.max(0, end - position)));
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      long lineStart = position;
      while (position < end) {
        buffer.clear();
        int read = channel.read(buffer, position);
        if (read <= 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          byte b = buffer.get(i);
          if (b == '\n') {
            if (line.size() > 0) {
              take(file, line.toString(StandardCharsets.UTF_8));
            }
            line.reset();
            lineStart = position + i + 1;
          } else if (line.size() <= MAX_FILE_BYTES) {
            line.write(b);
          }
        }
        position += read;
      }
      return lineStart;
    }
  }

  private void take(Path file, String body) {
    DecodeResult result = decoder.decode(body.strip());
    if (result.decoded()) {
      pending.add(result.trace());
    } else {
      reject(file, result.rejection().reason().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private void reject(Path file, String reason) {
    counters.add("rejected." + reason, 1);
    LOG.log(Level.WARNING, "llmops-ui: a trace in " + file + " was not stored: " + reason);
  }

  private int flush() throws SQLException {
    if (pending.isEmpty()) {
      return 0;
    }
    int n = pending.size();
    writer.upsert(pending);
    pending.clear();
    counters.add("stored.file", n);
    return n;
  }

  private record FileState(long size, long modifiedMs, long offset) {}
}
