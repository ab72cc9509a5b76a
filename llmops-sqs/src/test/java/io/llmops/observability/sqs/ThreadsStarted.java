package io.llmops.observability.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Which threads a piece of work starts on the thread that runs it, as the JVM's flight recorder
 * sees them ({@code jdk.ThreadStart} names the thread that called {@code Thread.start}): threads
 * started by those threads in turn are not counted.
 */
final class ThreadsStarted {

  private ThreadsStarted() {}

  /** The names of the threads {@code work} starts itself, run on a new thread named {@code name}. */
  static List<String> by(String name, Runnable work) {
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ThreadStart").withoutStackTrace();
      recording.start();
      Thread worker = new Thread(work, name);
      worker.start();
      worker.join();
      recording.stop();
      Path file = Files.createTempFile("threads-started", ".jfr");
      try {
        recording.dump(file);
        return RecordingFile.readAllEvents(file).stream()
            .filter(event -> name.equals(javaName(event.getThread("parentThread"))))
            .map(event -> javaName(event.getThread("thread")))
            .toList();
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String javaName(RecordedThread thread) {
    return thread == null ? null : thread.getJavaName();
  }
}
