package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.fixtures.SdkClassLoader;
import io.llmops.observability.agent.internal.StartupStats;
import io.llmops.observability.agent.testing.AgentTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * With the agent, the builders of OkHttp and Apache HttpClient 5 are handed to their llmops
 * integration when they build a client, looked up through the builder's class loader; without
 * the integration they build as before. Here each library gets a loader of its own, with a
 * class of the integration's exact name generated beside it, or nothing: the lookup goes through
 * the builder's own loader, as in an application server or a Spring Boot jar (OkHttpWithTheAgentTest
 * and ApacheHttpClient5WithTheAgentTest use the real integrations).
 */
class ClientBuildersTest extends AgentTest {

  /** The builders the stand-ins received. */
  public static final List<Object> HANDED = new CopyOnWriteArrayList<>();

  /** What the stand-ins' {@code instrument(builder)} runs. */
  public static final class HandOff {
    public static void instrument(Object builder) {
      HANDED.add(builder);
    }
  }

  static Stream<Arguments> builders() {
    return Stream.of(
        Arguments.of(OkHttpClient.Builder.class, "io.llmops.observability.okhttp.LlmopsOkHttp",
            "okhttp3."),
        Arguments.of(HttpClientBuilder.class,
            "io.llmops.observability.apache.hc5.LlmopsHttpClient5", "org.apache.hc.client5."),
        Arguments.of(HttpAsyncClientBuilder.class,
            "io.llmops.observability.apache.hc5.LlmopsHttpClient5", "org.apache.hc.client5."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void aBuilderIsHandedToTheIntegrationBesideItWhenItBuilds(Class<?> builderType,
      String integration, String library, @TempDir Path standIn) throws Exception {
    Path libraryJar = Path.of(builderType.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    try (SdkClassLoader loader = new SdkClassLoader(
        new URL[] {libraryJar.toUri().toURL(), standIn.toUri().toURL()},
        List.of(library, integration.substring(0, integration.lastIndexOf('.') + 1)))) {
      writeStandIn(integration, loader, standIn);
      Class<?> ownBuilderType = loader.loadClass(builderType.getName());
      Object builder = newBuilder(ownBuilderType);
      long before = StartupStats.httpBuildersInstrumented();

      Object client = ownBuilderType.getMethod("build").invoke(builder);

      assertThat(client).isNotNull();
      assertThat(HANDED).contains(builder);
      assertThat(StartupStats.httpBuildersInstrumented()).isEqualTo(before + 1);
      if (client instanceof AutoCloseable closeable) {
        closeable.close();
      }
    } finally {
      HANDED.clear();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void withoutTheIntegrationBesideItABuilderBuildsAsBefore(Class<?> builderType,
      String integration, String library) throws Exception {
    Path libraryJar = Path.of(builderType.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    try (SdkClassLoader loader = new SdkClassLoader(new URL[] {libraryJar.toUri().toURL()},
        List.of(library, integration.substring(0, integration.lastIndexOf('.') + 1)))) {
      Class<?> ownBuilderType = loader.loadClass(builderType.getName());
      long before = StartupStats.httpBuildersInstrumented();

      Object client = ownBuilderType.getMethod("build").invoke(newBuilder(ownBuilderType));

      assertThat(client).isNotNull();
      assertThat(HANDED).isEmpty();
      assertThat(StartupStats.httpBuildersInstrumented()).isEqualTo(before);
      assertThat(StartupStats.httpWovenClasses()).isGreaterThanOrEqualTo(3);
      if (client instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** OkHttp's builders are made with {@code new}, Apache's with {@code create()}. */
  private static Object newBuilder(Class<?> builderType) throws Exception {
    try {
      return builderType.getMethod("create").invoke(null);
    } catch (NoSuchMethodException e) {
      return builderType.getConstructor().newInstance();
    }
  }

  /**
   * Writes {@code integration} with a public static {@code instrument(B)} for each woven builder
   * class {@code B} of {@code loader}'s library, each calling {@link HandOff#instrument}.
   */
  private static void writeStandIn(String integration, ClassLoader loader, Path directory)
      throws Exception {
    String name = integration.replace('.', '/');
    ClassWriter type = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    type.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    for (Class<?> builderType : List.of(OkHttpClient.Builder.class, HttpClientBuilder.class,
        HttpAsyncClientBuilder.class)) {
      Class<?> own;
      try {
        own = Class.forName(builderType.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        continue;
      }
      if (own.getClassLoader() != loader) {
        continue; // the test's own copy: not this library
      }
      MethodVisitor method = type.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
          "instrument", "(" + Type.getDescriptor(own) + ")V", null, null);
      method.visitCode();
      method.visitVarInsn(Opcodes.ALOAD, 0);
      method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(HandOff.class),
          "instrument", "(Ljava/lang/Object;)V", false);
      method.visitInsn(Opcodes.RETURN);
      method.visitMaxs(0, 0);
      method.visitEnd();
    }
    type.visitEnd();
    Path file = directory.resolve(name + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, type.toByteArray());
    assertThat(Files.exists(directory.resolve(integration.replace('.', '/') + ".class"))).isTrue();
  }
}
