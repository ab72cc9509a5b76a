package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * A class rewritten method by method: the methods that get advice change, every other method
 * comes out as it went in, and a class none of whose methods gets advice is left alone.
 */
class AdvisedClassTest {

  private static final Set<String> ADVISED = Set.of("<init>", "run", "runAndReset");

  @Test
  void onlyTheAdvisedMethodsOfAJdkExecutorClassChange() throws IOException {
    byte[] original = jdkClassFile("java/util/concurrent/FutureTask");

    byte[] woven = WeavingTransformer.rewrite(new ContextPropagation(), null, original);

    Map<String, String> before = methods(original);
    Map<String, String> after = methods(woven);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((method, code) -> {
      String name = method.substring(0, method.indexOf('('));
      if (ADVISED.contains(name)) {
        assertThat(after.get(method)).as(method).isNotEqualTo(code).contains("LlmopsContextBridge");
      } else {
        assertThat(after.get(method)).as(method).isEqualTo(code);
      }
    });
  }

  @Test
  void aClassWhoseMethodsGetNoAdviceIsLeftAlone() throws IOException {
    byte[] original = jdkClassFile("java/util/concurrent/FutureTask");

    assertThat(AdvisedClass.rewrite(new ClassReader(original), (owner, method) -> null)).isNull();
  }

  private static byte[] jdkClassFile(String internalName) throws IOException {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Each method's instructions as text, by name and descriptor. */
  private static Map<String, String> methods(byte[] classFile) {
    ClassNode type = new ClassNode();
    new ClassReader(classFile).accept(type, 0);
    Map<String, String> methods = new LinkedHashMap<>();
    for (MethodNode method : type.methods) {
      Textifier text = new Textifier();
      method.accept(new TraceMethodVisitor(text));
      StringWriter out = new StringWriter();
      text.print(new PrintWriter(out));
      methods.put(method.name + method.desc, out.toString());
    }
    return methods;
  }
}
