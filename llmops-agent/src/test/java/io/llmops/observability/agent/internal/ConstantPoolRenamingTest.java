package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.agent.bootstrap.ContextBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.util.TraceClassVisitor;

class ConstantPoolRenamingTest {

  private static final String FIXTURE = internalName(Fixture.class);
  private static final Map<String, String> RENAMING = Map.of(
      internalName(ConstantPoolRenamingTest.class), "jdk/internal/misc/LlmopsRenamed");

  @Test
  void aRenamedClassReadsAsWhatAsmRenamingMakesOfIt() throws IOException {
    byte[] original = classFile(FIXTURE);

    byte[] renamed = ConstantPoolRenaming.rename(original, RENAMING);

    assertThat(text(renamed)).isEqualTo(text(asmRenamed(original)));
    assertThat(text(renamed)).contains("jdk/internal/misc/LlmopsRenamed$Fixture")
        .contains("9007199254740993").contains("2.718281828459045");
  }

  @Test
  void noTextOfARenamedClassSpellsTheOldName() throws IOException {
    byte[] renamed = ConstantPoolRenaming.rename(classFile(FIXTURE), RENAMING);

    assertThat(new String(renamed, StandardCharsets.ISO_8859_1))
        .doesNotContain(internalName(ConstantPoolRenamingTest.class));
  }

  @Test
  void theBridgesRenamedAsTheAgentRenamesThemMatchAsmsRenaming() throws IOException {
    Map<String, String> bridges = Map.of(internalName(ContextBridge.class),
        BootstrapInjector.renamedInternalName(ContextBridge.class));
    for (Class<?> type : new Class<?>[] {ContextBridge.class,
        ContextBridge.class.getDeclaredClasses()[0]}) {
      byte[] original = classFile(internalName(type));

      assertThat(text(ConstantPoolRenaming.rename(original, bridges)))
          .isEqualTo(text(asmRenamed(original, bridges)));
    }
  }

  @Test
  void whatIsNotAClassFileIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> ConstantPoolRenaming.rename(new byte[] {1, 2, 3}, RENAMING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classFile");
  }

  private static byte[] asmRenamed(byte[] classFile) {
    return asmRenamed(classFile, Map.of(FIXTURE, "jdk/internal/misc/LlmopsRenamed$Fixture",
        internalName(ConstantPoolRenamingTest.class), "jdk/internal/misc/LlmopsRenamed"));
  }

  private static byte[] asmRenamed(byte[] classFile, Map<String, String> names) {
    Map<String, String> withNested = new java.util.HashMap<>(names);
    new ClassReader(classFile).accept(new org.objectweb.asm.ClassVisitor(
        org.objectweb.asm.Opcodes.ASM9) {
      @Override
      public void visitInnerClass(String name, String outer, String inner, int access) {
        names.forEach((from, to) -> {
          if (name.startsWith(from + "$")) {
            withNested.put(name, to + name.substring(from.length()));
          }
        });
      }
    }, 0);
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile).accept(new ClassRemapper(writer, new SimpleRemapper(withNested)),
        0);
    return writer.toByteArray();
  }

  private static String text(byte[] classFile) {
    StringWriter text = new StringWriter();
    new ClassReader(classFile).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
    return text.toString();
  }

  private static byte[] classFile(String internalName) throws IOException {
    try (InputStream in = ConstantPoolRenamingTest.class.getClassLoader()
        .getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  /** Every kind of constant: long and double (two slots each), text, a lambda, a method handle. */
  @SuppressWarnings("unused")
  static final class Fixture {
    long big = 9007199254740993L;
    double e = 2.718281828459045;
    float f = 1.5e10f;
    int large = 123456789;
    String name = "io/llmops/fixture";

    Supplier<Fixture> factory() {
      return Fixture::new;
    }

    Object self() {
      return ConstantPoolRenamingTest.class;
    }
  }
}
