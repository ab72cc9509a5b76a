package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.fixtures.TrickyLocals;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.CapturedLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * What the locals pass writes is valid bytecode: ASM's verifier accepts it, the JVM loads it,
 * and where a local cannot be read safely the method keeps its code.
 */
class LocalsTransformerTest extends AgentTest {

  @Test
  void everyRewrittenClassOfTheCorpusPassesAsmsVerifier() throws IOException {
    for (Class<?> type : List.of(TrickyLocals.class, Service.class)) {
      byte[] rewritten = LocalsTransformer.rewrite(classFile(type));
      assertThat(rewritten).as(type.getName()).isNotNull();
      assertThat(asmVerifierErrors(rewritten)).as(type.getName()).isEmpty();
    }
  }

  @Test
  void theCorpusLoadedAfterTheAgentIsAcceptedByTheJvmAndItsLocalsAreRecorded() throws Exception {
    Class<?> tricky = new GeneratedClasses.Loader(getClass().getClassLoader())
        .define(TrickyLocals.class.getName(), classFile(TrickyLocals.class));

    TraceManager.startTrace("fresh");
    assertThat(tricky.getMethod("siblingScopes", boolean.class).invoke(null, false))
        .isEqualTo("double 2.5");
    TraceManager.endTrace();

    JsonNode locals = span("siblingScopes").at("/input_data/locals");
    assertThat(locals.get("flag").asBoolean()).isFalse();
    assertThat(locals.get("w").asDouble()).isEqualTo(2.5);
  }

  @Test
  void aLocalTheStackMapFrameLeavesOutIsNotRead() throws Exception {
    Class<?> type = new GeneratedClasses.Loader(getClass().getClassLoader())
        .define("generated.FrameDrops", GeneratedClasses.frameDrops());

    TraceManager.startTrace("frames");
    assertThat(type.getMethod("pick", boolean.class).invoke(null, true)).isEqualTo(1);
    TraceManager.endTrace();

    JsonNode locals = span("pick").at("/input_data/locals");
    assertThat(locals.get("flag").asBoolean()).isTrue();
    assertThat(locals.has("x")).isFalse();
  }

  @Test
  void aMethodTheAnalysisCannotFollowKeepsItsCodeAndIsLoggedWhileTheOthersAreRewritten() {
    byte[] rewritten;
    List<String> log;
    try (CapturedLog captured = CapturedLog.open()) {
      rewritten = LocalsTransformer.rewrite(GeneratedClasses.unreadable());
      log = captured.messages();
    }

    ClassNode type = new ClassNode();
    new ClassReader(rewritten).accept(type, 0);
    assertThat(callsToLocal(method(type, "broken"))).isZero();
    assertThat(callsToLocal(method(type, "fine"))).isEqualTo(1);
    assertThat(log).anySatisfy(line -> assertThat(line)
        .contains("generated.Unreadable.broken").contains("locals are not recorded"));
  }

  @Test
  void aClassWhoseLoaderCannotSeeTheAgentRunsWithoutLocals() throws Exception {
    URL core = TrackFunction.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader coreOnly = new URLClassLoader(new URL[] {core},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> echo = new GeneratedClasses.Loader(coreOnly).define("generated.Echo", GeneratedClasses.echo());
      assertThat(echo.getMethod("echo", int.class).invoke(null, 7)).isEqualTo(7);
    }
  }

  static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  /** What ASM's CheckClassAdapter reports for a class file: nothing when every method verifies. */
  static String asmVerifierErrors(byte[] classFile) {
    StringWriter errors = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(classFile), LocalsTransformerTest.class.getClassLoader(),
        false, new PrintWriter(errors));
    return errors.toString();
  }

  private static MethodNode method(ClassNode type, String name) {
    return type.methods.stream().filter(method -> method.name.equals(name)).findFirst().orElseThrow();
  }

  private static long callsToLocal(MethodNode method) {
    long calls = 0;
    for (AbstractInsnNode instruction : method.instructions) {
      if (instruction instanceof MethodInsnNode call && call.name.equals("local")) {
        calls++;
      }
    }
    return calls;
  }
}
