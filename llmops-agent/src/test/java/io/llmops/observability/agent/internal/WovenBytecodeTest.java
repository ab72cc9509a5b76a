package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.llmops.observability.agent.fixtures.ReactiveService;
import io.llmops.observability.agent.fixtures.Recursion;
import io.llmops.observability.agent.fixtures.SameSignatures;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.fixtures.TrickyLocals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * What each weaving makes of the classes it weaves (the JDK's, the clients', the annotated
 * fixtures after the captureLocals pass) passes ASM's checks: its data flow (CheckClassAdapter's
 * verifier) and its stack map frames against the code (CheckClassAdapter with data-flow checks).
 */
class WovenBytecodeTest {

  static Stream<Arguments> wovenClasses() throws ClassNotFoundException {
    List<Arguments> classes = new ArrayList<>();
    ClassWeaving context = new ContextPropagation();
    for (String name : List.of("java.util.concurrent.FutureTask",
        "java.util.concurrent.ForkJoinTask", "java.util.concurrent.ThreadPoolExecutor",
        "java.util.concurrent.CompletableFuture$AsyncSupply",
        "java.util.concurrent.ForkJoinTask$AdaptedRunnableAction")) {
      classes.add(Arguments.of(context, Class.forName(name)));
    }
    if (Runtime.version().feature() >= 21) {
      classes.add(Arguments.of(context, Class.forName("java.lang.VirtualThread")));
    }
    ClassWeaving http = new HttpClientWeaving();
    for (Class<?> type : List.of(Class.forName("jdk.internal.net.http.HttpClientFacade"),
        Class.forName("sun.net.www.protocol.http.HttpURLConnection"), OkHttpClient.class,
        HttpClientBuilder.class, HttpAsyncClientBuilder.class)) {
      classes.add(Arguments.of(http, type));
    }
    classes.add(Arguments.of(new BedrockInstrumentation(), Class.forName(
        "software.amazon.awssdk.services.bedrockruntime.DefaultBedrockRuntimeBaseClientBuilder")));
    ClassWeaving annotations = new AnnotationWeaving();
    for (Class<?> type : List.of(Service.class, TrickyLocals.class, ReactiveService.class,
        Recursion.class, SameSignatures.Searcher.class)) {
      classes.add(Arguments.of(annotations, type));
    }
    return classes.stream();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wovenClasses")
  void theWovenClassPassesAsmsDataFlowAndFrameChecks(ClassWeaving weaving, Class<?> type) {
    byte[] classFile = ClassFiles.of(type);
    byte[] withLocals = LocalsTransformer.rewrite(classFile);
    byte[] woven = WeavingTransformer.rewrite(weaving, withLocals != null ? withLocals : classFile);

    assertThat(woven).as("woven").isNotNull();
    assertThat(LocalsTransformerTest.asmVerifierErrors(woven)).isEmpty();
    assertThatCode(() -> new ClassReader(woven).accept(new CheckClassAdapter(new ClassNode(), true),
        0)).doesNotThrowAnyException();
  }
}
