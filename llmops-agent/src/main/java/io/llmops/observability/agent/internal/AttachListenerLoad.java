package io.llmops.observability.agent.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loads a Java agent into this JVM through HotSpot's attach listener, from this process: what
 * {@code jcmd <pid> JVMTI.agent_load} or a second JVM running the attach API would ask, without
 * starting that second JVM (about a third of a second) or waiting the 100 ms the JDK's attach
 * code sleeps before its first look for the listener. Linux HotSpot only:
 *
 * <ol>
 *   <li>unless the listener runs already (as it does from the start under {@code -Xrs}), it is
 *       started as the JDK's attach code starts it: a file {@code /tmp/.attach_pid<pid>}, then
 *       {@code kill -QUIT <pid>}; only if this JVM catches {@code SIGQUIT} (else the signal
 *       would end the process) and does not run with {@code -XX:+DisableAttachMechanism} (where
 *       it would print a thread dump);
 *   <li>the listener's socket, {@code /tmp/.java_pid<pid>}, is sent the {@code load} command for a
 *       small temporary jar whose {@code Agent-Class} is {@link InstrumentationHandOff}.
 * </ol>
 *
 * The JVM applies its own rules to the loaded agent as to any other (JDK 21+ warn unless
 * {@code -XX:+EnableDynamicAgentLoading}). Anything else (another OS or VM, no {@code kill}
 * command) answers null, and the caller attaches the usual way. Internal.
 */
final class AttachListenerLoad {

  private static final Path TEMP = Path.of("/tmp");
  private static final long SIGQUIT_MASK = 1L << (3 - 1);
  private static final long LISTENER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final String HAND_OFF_CLASS =
      InstrumentationHandOff.class.getName().replace('.', '/') + ".class";
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private AttachListenerLoad() {}

  /**
   * This JVM's instrumentation, or null when this way does not apply here.
   *
   * @throws IOException when it applied but failed: the caller may still try another way
   */
  static Instrumentation load() throws IOException {
    if (!System.getProperty("os.name", "").startsWith("Linux") || !Files.isDirectory(TEMP)) {
      return null;
    }
    long pid = ProcessHandle.current().pid();
    Path socket = TEMP.resolve(".java_pid" + pid);
    if (!Files.exists(socket)) { // the listener runs from the start under -Xrs
      if (!mayStartListener()) {
        return null;
      }
      startListener(pid, socket);
    }
    Path jar = handOffJar(pid);
    try {
      String answer = send(socket, "load", "instrument", "false", jar.toString());
      if (!succeeded(answer)) {
        throw new IOException("the JVM refused the agent: "
            + answer.strip().replace('\n', ' '));
      }
    } finally {
      Files.deleteIfExists(jar);
    }
    return handedOff();
  }

  private static boolean mayStartListener() throws IOException {
    String vm = System.getProperty("java.vm.name", "");
    if (!(vm.contains("HotSpot") || vm.contains("OpenJDK")) || !catchesSigquit()) {
      return false; // another VM (OpenJ9 writes a javacore on SIGQUIT), or -Xrs
    }
    return !mayDisableAttaching() || attachingEnabled();
  }

  /**
   * Whether the JVM's options could turn attaching off: the command line, the option variables,
   * or a file of options mention it (or may). Reading them is much cheaper than asking the VM.
   */
  private static boolean mayDisableAttaching() throws IOException {
    String commandLine = new String(readProcFile("cmdline"), StandardCharsets.ISO_8859_1);
    for (String source : new String[] {commandLine, System.getenv("JAVA_TOOL_OPTIONS"),
        System.getenv("JDK_JAVA_OPTIONS"), System.getenv("_JAVA_OPTIONS")}) {
      if (source != null && (source.contains("DisableAttachMechanism")
          || source.contains("-XX:Flags=") || source.contains("VMOptionsFile"))) {
        return true;
      }
    }
    for (String argument : commandLine.split("\0")) {
      if (argument.startsWith("@")) {
        return true; // an argument file, which may hold the option
      }
    }
    return false;
  }

  private static boolean attachingEnabled() {
    HotSpotDiagnosticMXBean flags;
    try {
      flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    } catch (RuntimeException | LinkageError e) {
      return false; // not HotSpot
    }
    return flags != null && "false".equals(flags.getVMOption("DisableAttachMechanism").getValue());
  }

  private static boolean catchesSigquit() throws IOException {
    for (String line : new String(readProcFile("status"), StandardCharsets.ISO_8859_1).split("\n")) {
      if (line.startsWith("SigCgt:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & SIGQUIT_MASK) != 0;
      }
    }
    return false;
  }

  /**
   * A file of {@code /proc/self}, read with {@code java.io}: its classes are loaded at any JVM's
   * start, where the first use of {@code java.nio.file} for reading loads dozens.
   */
  private static byte[] readProcFile(String name) throws IOException {
    try (InputStream in = new FileInputStream("/proc/self/" + name)) {
      return in.readAllBytes();
    }
  }

  private static void startListener(long pid, Path socket) throws IOException {
    Path trigger = TEMP.resolve(".attach_pid" + pid);
    // Created exclusively, as the JDK's attach code does: never written through a planted link.
    // One that exists already serves as well (HotSpot checks whose it is).
    trigger.toFile().createNewFile();
    try {
      Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
          .redirectErrorStream(true).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        kill.destroy();
        throw new IOException("kill -QUIT did not succeed");
      }
      long deadline = System.nanoTime() + LISTENER_TIMEOUT_NANOS;
      while (!Files.exists(socket)) {
        if (System.nanoTime() > deadline) {
          throw new IOException("the attach listener did not start");
        }
        Thread.sleep(1);
      }
    } catch (InterruptedException e) {
      // The attach runs on a thread of its own, which nobody interrupts but the JVM at exit.
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the attach listener", e);
    } finally {
      Files.deleteIfExists(trigger);
    }
  }

  /**
   * A jar naming {@link InstrumentationHandOff} as its {@code Agent-Class}, and holding it unless
   * the system class loader, which the JVM loads it with, finds it already.
   */
  private static Path handOffJar(long pid) throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Agent-Class", InstrumentationHandOff.class.getName());
    attributes.put("Can-Retransform-Classes", "true");
    attributes.put("Can-Redefine-Classes", "true");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/MANIFEST.MF", StoredJar.manifest(attributes));
    if (InstrumentationHandOff.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
      entries.put(HAND_OFF_CLASS, handOffClass());
    }
    return newHandOffFile(pid, StoredJar.of(entries));
  }

  private static byte[] handOffClass() throws IOException {
    try (InputStream classFile = InstrumentationHandOff.class.getResourceAsStream(
        "/" + HAND_OFF_CLASS)) {
      if (classFile == null) {
        throw new IOException("the agent's class files are not readable");
      }
      return classFile.readAllBytes();
    }
  }

  /**
   * A new file holding {@code content}, readable by this user only, in the temporary directory.
   * Not {@code Files.createTempFile}: its random names come from a {@code SecureRandom} digest,
   * whose start-up loads dozens of classes on the start-up's path. A name made of the process id
   * and the clock is as unique here, and the file is created exclusively (never through a link
   * someone else planted): a name taken is tried again.
   */
  private static Path newHandOffFile(long pid, byte[] content) throws IOException {
    Path folder = Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
    String prefix = "llmops-agent-" + pid + "-";
    for (int attempt = 0; ; attempt++) {
      Path file = folder.resolve(prefix + Long.toHexString(System.nanoTime()) + ".jar");
      try (SeekableByteChannel channel = Files.newByteChannel(file, EnumSet.of(
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        return file;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    }
  }

  /** One command of the attach protocol (version 1); the listener's whole answer. */
  private static String send(Path socket, String command, String... arguments)
      throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    writeField(request, "1");
    writeField(request, command);
    for (String argument : arguments) {
      writeField(request, argument);
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.wrap(request.toByteArray());
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer in = ByteBuffer.allocate(512);
      while (channel.read(in) >= 0 && answer.size() < 64 * 1024) {
        answer.write(in.array(), 0, in.position());
        in.clear();
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static void writeField(ByteArrayOutputStream request, String field) {
    request.writeBytes(field.getBytes(StandardCharsets.UTF_8));
    request.write(0);
  }

  /**
   * The command's status ({@code 0}) and the agent's: {@code return code: 0} (JDK 9+), or a
   * bare {@code 0} (older listeners).
   */
  static boolean succeeded(String answer) {
    String[] lines = answer.split("\n", -1);
    if (lines.length < 2 || !lines[0].strip().equals("0")) {
      return false;
    }
    String agent = lines[1].strip();
    return agent.equals("0") || agent.equals("return code: 0");
  }

  private static Instrumentation handedOff() throws IOException {
    // The JVM called the system class loader's copy: this very class, or (when the agent's
    // classes live in another loader) a copy read by reflection.
    Object instrumentation =
        InstrumentationHandOff.class.getClassLoader() == ClassLoader.getSystemClassLoader()
            ? InstrumentationHandOff.instrumentation : systemLoadersCopy();
    if (instrumentation instanceof Instrumentation loaded) {
      return loaded;
    }
    throw new IOException("the agent was loaded but handed over no instrumentation");
  }

  private static Object systemLoadersCopy() throws IOException {
    try {
      Class<?> handOff = Class.forName(InstrumentationHandOff.class.getName(), true,
          ClassLoader.getSystemClassLoader());
      return handOff.getField("instrumentation").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IOException("the loaded agent could not be read", e);
    }
  }
}
