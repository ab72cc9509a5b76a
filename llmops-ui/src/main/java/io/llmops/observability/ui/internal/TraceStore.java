package io.llmops.observability.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file and its two connections: one that writes (SQLite takes one writer at a time)
 * and one that reads; in WAL mode the reader sees the last committed state while a write goes
 * on. Each connection is used by one thread at a time, under its own lock. Thread-safe.
 */
public final class TraceStore implements AutoCloseable {

  private final Path file;
  private final Connection writeConnection;
  private final Connection readConnection;
  private final TraceWriter writer;
  private final TraceReader reader;

  private TraceStore(Path file, Connection writeConnection, Connection readConnection) {
    this.file = file;
    this.writeConnection = writeConnection;
    this.readConnection = readConnection;
    this.writer = new TraceWriter(writeConnection);
    this.reader = new TraceReader(readConnection);
  }

  /** Opens (or creates) {@code traces.db} in {@code directory}, which is created when missing. */
  public static TraceStore open(Path directory) throws IOException, SQLException {
    Files.createDirectories(directory);
    Path file = directory.resolve("traces.db");
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    Connection write = config.createConnection(url);
    try {
      Schema.apply(write);
      Connection read = config.createConnection(url);
      return new TraceStore(file, write, read);
    } catch (SQLException e) {
      write.close();
      throw e;
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** Writes traces and applies retention. */
  public TraceWriter writer() {
    return writer;
  }

  /** Reads the list, a trace and the overview. */
  public TraceReader reader() {
    return reader;
  }

  @Override
  public void close() throws SQLException {
    try {
      readConnection.close();
    } finally {
      writeConnection.close();
    }
  }
}
