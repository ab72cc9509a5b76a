package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.agent.fixtures.InlinerProbe;
import io.llmops.observability.agent.fixtures.InlinerSubject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;

/**
 * Code inlined around a method sees its arguments, result and exception, and changes nothing the
 * caller sees, even when the inlined code itself throws.
 */
class AdviceInlinerTest {

  private static final String PROBE = "io/llmops/observability/agent/fixtures/InlinerProbe";
  private static final InlineAdvice AROUND = InlineAdvice.around(site -> {
    site.loadArgumentArray();
    site.invokeStatic(PROBE, "enter", "([Ljava/lang/Object;)Ljava/lang/Object;");
  }, site -> {
    site.loadEnterValue();
    site.loadResult();
    site.loadThrown();
    site.invokeStatic(PROBE, "exit",
        "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V");
  });

  private final Class<?> woven = wovenSubject();

  @AfterEach
  void reset() {
    InlinerProbe.failing = false;
    InlinerProbe.SEEN.clear();
    InlinerProbe.THROWN.clear();
  }

  @Test
  void theExitSeesTheArgumentsAndTheResultOnEveryReturn() throws Throwable {
    assertThat(call("pick", null, 3)).isEqualTo(6);
    assertThat(call("pick", null, 0)).isEqualTo(-1);
    assertThat(call("wide", instance(), 10L, 2.5)).isEqualTo(16L);

    assertThat(InlinerProbe.SEEN).containsExactly("[3] -> 6", "[0] -> -1", "[10, 2.5] -> 16");
  }

  @Test
  void aThrownExceptionReachesTheCallerUnchangedAfterTheExitSawIt() throws Throwable {
    Object subject = instance();

    assertThatThrownBy(() -> call("fail", subject, "boom"))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(InlinerProbe.THROWN).singleElement()
        .isInstanceOf(IllegalStateException.class).hasFieldOrPropertyWithValue("message", "boom");
    assertThat(call("fail", subject, "")).as("the method's own handler wins").isEqualTo("caught");
    assertThat(InlinerProbe.SEEN).containsExactly("[boom] -> null", "[] -> caught");
  }

  @Test
  void inlinedCodeThatThrowsChangesNeitherResultsNorExceptions() throws Throwable {
    InlinerProbe.failing = true;
    Object subject = instance();

    assertThat(call("pick", null, 3)).isEqualTo(6);
    assertThat(call("wide", subject, 1L, 1.0)).isEqualTo(4L);
    assertThat(call("fail", subject, "")).isEqualTo("caught");
    assertThatThrownBy(() -> call("fail", subject, "boom"))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  private Object instance() throws ReflectiveOperationException {
    return woven.getConstructor().newInstance();
  }

  private Object call(String name, Object target, Object... arguments) throws Throwable {
    for (Method method : woven.getMethods()) {
      if (method.getName().equals(name)) {
        try {
          return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static Class<?> wovenSubject() {
    ClassNode type = new ClassNode();
    new ClassReader(ClassFiles.of(InlinerSubject.class)).accept(type, ClassReader.EXPAND_FRAMES);
    AdviceInliner.inlineAll(type, (owner, method) -> method.name.equals("<init>") ? null : AROUND);
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    type.accept(writer);
    byte[] classFile = writer.toByteArray();
    assertThat(LocalsTransformerTest.asmVerifierErrors(classFile)).isEmpty();
    return new ClassLoader(AdviceInlinerTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(InlinerSubject.class.getName(), classFile, 0, classFile.length);
      }
    }.define();
  }
}
