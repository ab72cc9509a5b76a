package io.llmops.observability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of llmops-core depend on each other one way, read from every compiled class's
 * constant pool: the public API on top, the SPI and the public export types beside it, the
 * engine below, then export, wire, capture, config, and common at the bottom. The API package
 * reaches the engine only through {@code LlmopsEngine}, which the engine implements.
 */
class PackageCyclesTest {

  private static final String ROOT = "io.llmops.observability";
  /** The name the graph gives the public API package, {@value #ROOT} itself. */
  private static final String API = "(api)";

  @Test
  void noPackageIsPartOfACycle() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDirectory());
    assertThat(graph).as("packages read")
        .containsKeys(API, "export", "spi", "internal.engine", "internal.wire");
    List<String> found = new ArrayList<>();
    for (Set<String> cycle : cycles(graph)) {
      found.add(cycle + " through " + edgesWithin(graph, cycle));
    }
    assertThat(found).as("package cycles").isEmpty();
  }

  @Test
  void theApiRefersToNoInternalPackageButTheBottomOne() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDirectory());
    assertThat(graph.get(API)).as("packages the API package refers to")
        .contains("export").isSubsetOf("export", "internal.common");
    assertThat(graph.get("internal.common")).as("packages internal.common refers to")
        .isSubsetOf("export");
  }

  @Test
  void theSpiAndTheExportTypesReachTheEngineOnlyThroughItsBridge() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDirectory());
    assertThat(graph.get("spi")).isSubsetOf(API, "export", "internal.bridge", "internal.common");
    assertThat(graph.get("export")).isEmpty();
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"),
        "c", Set.of("a"), "d", Set.of("a")));
    assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
  }

  private static Path classesDirectory() throws URISyntaxException {
    return Path.of(Llmops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Package to the packages its classes refer to, names relative to {@value #ROOT}. */
  static Map<String, Set<String>> packageGraph(Path classes) throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path file : files) {
      String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
      String from = packageOf(name.substring(0, name.length() - ".class".length()));
      Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
      for (String referenced : ClassReferences.of(file)) {
        to.add(packageOf(referenced));
      }
    }
    graph.values().forEach(targets -> targets.retainAll(graph.keySet()));
    graph.forEach((from, targets) -> targets.remove(from));
    return graph;
  }

  private static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
    return pkg.equals(ROOT) ? API : pkg.startsWith(ROOT + ".") ? pkg.substring(ROOT.length() + 1) : pkg;
  }

  /** The strongly connected components of more than one package (Tarjan's algorithm). */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void connect(String node, Map<String, Set<String>> graph,
      Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      Set<String> onStack, List<Set<String>> out, int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, out, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  private static Map<String, Set<String>> edgesWithin(Map<String, Set<String>> graph, Set<String> cycle) {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String from : cycle) {
      Set<String> to = new TreeSet<>(graph.get(from));
      to.retainAll(cycle);
      edges.put(from, to);
    }
    return edges;
  }
}
