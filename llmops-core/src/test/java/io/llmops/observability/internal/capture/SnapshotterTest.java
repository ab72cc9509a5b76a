package io.llmops.observability.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Snapshotter.capture on its own: every value becomes a bounded, detached tree; nothing throws. */
@Timeout(30)
class SnapshotterTest {

  record Point(int x, int y, String label) {}

  static class Base {
    private final String baseField = "from-base";
  }

  static class Child extends Base {
    private final int childField = 7;
    private transient String skipped = "transient";
    static String ignoredStatic = "static";
  }

  static class Node {
    String name;
    Node next;
    List<Object> children = new ArrayList<>();

    Node(String name) {
      this.name = name;
    }
  }

  /** Getters that must never run during capture. */
  static class ThrowingGetters {
    private final String value = "field-value";
    static final AtomicInteger GETTER_CALLS = new AtomicInteger();

    public String getValue() {
      GETTER_CALLS.incrementAndGet();
      throw new IllegalStateException("getter called");
    }

    public String getOther() {
      GETTER_CALLS.incrementAndGet();
      throw new IllegalStateException("getter called");
    }
  }

  static class Hostile {
    private final String state = "ok";

    @Override
    public String toString() {
      throw new IllegalStateException("toString");
    }

    @Override
    public int hashCode() {
      throw new IllegalStateException("hashCode");
    }

    @Override
    public boolean equals(Object o) {
      throw new IllegalStateException("equals");
    }
  }

  enum Color { RED, GREEN }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object captured) {
    assertThat(captured).isInstanceOf(Map.class);
    return (Map<String, Object>) captured;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object captured) {
    assertThat(captured).isInstanceOf(List.class);
    return (List<Object>) captured;
  }

  /** Every node of a captured tree is a plain value: no application object survives. */
  private static void assertDetached(Object node) {
    if (node == null || node instanceof String || node instanceof Boolean
        || node instanceof Number || node instanceof TruncatedText) {
      if (node instanceof Number n) {
        assertThat(n.getClass().getName()).startsWith("java.");
      }
      return;
    }
    if (node instanceof Map<?, ?> m) {
      assertThat(m.getClass()).isEqualTo(LinkedHashMap.class);
      m.forEach((k, v) -> {
        assertThat(k).isInstanceOf(String.class);
        assertDetached(v);
      });
      return;
    }
    if (node instanceof List<?> l) {
      assertThat(l.getClass()).isEqualTo(ArrayList.class);
      l.forEach(SnapshotterTest::assertDetached);
      return;
    }
    throw new AssertionError("not a detached node: " + node.getClass());
  }

  @Test
  void recordsAndPojosAreReadThroughTheirFieldsIncludingInheritedOnes() {
    assertThat(asMap(Snapshotter.capture(new Point(1, 2, "p"))))
        .containsExactly(Map.entry("x", 1), Map.entry("y", 2), Map.entry("label", "p"));
    Map<String, Object> child = asMap(Snapshotter.capture(new Child()));
    assertThat(child).containsEntry("childField", 7).containsEntry("baseField", "from-base")
        .doesNotContainKeys("skipped", "ignoredStatic");
  }

  @Test
  void gettersAreNeverCalled() {
    ThrowingGetters.GETTER_CALLS.set(0);
    Map<String, Object> out = asMap(Snapshotter.capture(new ThrowingGetters()));
    assertThat(out).containsEntry("value", "field-value");
    assertThat(ThrowingGetters.GETTER_CALLS).hasValue(0);
  }

  @Test
  void throwingToStringHashCodeAndEqualsDoNotMatter() {
    assertThat(asMap(Snapshotter.capture(new Hostile()))).containsEntry("state", "ok");
    // as a list element, a map value and a map key
    assertThat(asList(Snapshotter.capture(List.of(new Hostile())))).hasSize(1);
    Map<Object, Object> map = new java.util.IdentityHashMap<>();
    map.put(new Hostile(), new Hostile());
    Map<String, Object> out = asMap(Snapshotter.capture(map));
    assertThat(out).hasSize(1);
    assertThat(out.keySet().iterator().next()).isEqualTo("Hostile{state=ok}"); // from its fields
    assertDetached(out);
  }

  @Test
  void mapsWithNonStringKeysGetStringKeys() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, "one");
    map.put(Color.RED, List.of(1, 2));
    map.put(null, "null-key");
    map.put(new Point(1, 2, "k"), "record-key");
    Map<String, Object> out = asMap(Snapshotter.capture(map));
    assertThat(out).containsEntry("1", "one").containsEntry("RED", List.of(1, 2))
        .containsEntry("null", "null-key").containsEntry("Point{x=1, y=2, label=k}", "record-key");
  }

  @Test
  void collectionsAndArrays() {
    assertThat(Snapshotter.capture(Set.of("a"))).isEqualTo(List.of("a"));
    assertThat(Snapshotter.capture(new int[] {1, 2, 3})).isEqualTo(List.of(1, 2, 3));
    assertThat(Snapshotter.capture(new double[] {1.5})).isEqualTo(List.of(1.5));
    assertThat(Snapshotter.capture(new boolean[] {true})).isEqualTo(List.of(true));
    assertThat(Snapshotter.capture(new String[] {"a", null})).isEqualTo(Arrays.asList("a", null));
    assertThat(Snapshotter.capture(new Object[][] {{1}, {"x"}}))
        .isEqualTo(List.of(List.of(1), List.of("x")));
    assertThat(Snapshotter.capture(new char[] {'h', 'i'})).isEqualTo("hi");
  }

  @Test
  void byteArraysBecomeABase64PreviewWithTheLength() {
    Map<String, Object> small = asMap(Snapshotter.capture(new byte[] {1, 2, 3}));
    assertThat(small).containsEntry("type", "byte[]").containsEntry("length", 3)
        .containsEntry("base64", "AQID").doesNotContainKey("truncated");
    Map<String, Object> large = asMap(Snapshotter.capture(new byte[1_000_000]));
    assertThat(large).containsEntry("length", 1_000_000).containsEntry("truncated", true);
    assertThat((String) large.get("base64")).hasSizeLessThanOrEqualTo(
        4 * ((CaptureLimits.MAX_BINARY_BYTES + 2) / 3));
  }

  @Test
  void valueTypes() {
    UUID uuid = UUID.randomUUID();
    Instant instant = Instant.parse("2024-01-02T03:04:05Z");
    assertThat(Snapshotter.capture(Optional.of("x"))).isEqualTo("x");
    assertThat(Snapshotter.capture(Optional.empty())).isNull();
    assertThat(Snapshotter.capture(OptionalInt.of(5))).isEqualTo(5);
    assertThat(Snapshotter.capture(OptionalInt.empty())).isNull();
    assertThat(Snapshotter.capture(instant)).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(Snapshotter.capture(LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
    assertThat(Snapshotter.capture(Duration.ofSeconds(90))).isEqualTo("PT1M30S");
    assertThat(Snapshotter.capture(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("UTC"))))
        .isEqualTo("2024-01-02T03:04:05Z[UTC]");
    assertThat(Snapshotter.capture(Color.GREEN)).isEqualTo("GREEN");
    assertThat(Snapshotter.capture(new BigDecimal("12.3400"))).isEqualTo(new BigDecimal("12.3400"));
    assertThat(Snapshotter.capture(new AtomicLong(42))).isEqualTo(42L);
    assertThat(Snapshotter.capture(new AtomicBoolean(true))).isNotNull();
    assertThat(Snapshotter.capture(uuid)).isEqualTo(uuid.toString());
    assertThat(Snapshotter.capture(URI.create("https://example.com/a?b=c")))
        .isEqualTo("https://example.com/a?b=c");
    assertThat(Snapshotter.capture('c')).isEqualTo("c");
    assertThat(Snapshotter.capture(Double.NaN)).isEqualTo(Double.NaN);
    assertThat(Snapshotter.capture(null)).isNull();
  }

  @Test
  void cyclesAreCut() {
    List<Object> self = new ArrayList<>();
    self.add("a");
    self.add(self);
    List<Object> out = asList(Snapshotter.capture(self));
    assertThat(out.get(0)).isEqualTo("a");
    assertThat((String) out.get(1)).startsWith("<cycle: ");

    Node a = new Node("a");
    Node b = new Node("b");
    a.next = b;
    b.next = a;
    a.children.add(a);
    Map<String, Object> na = asMap(Snapshotter.capture(a));
    Map<String, Object> nb = asMap(na.get("next"));
    assertThat(nb.get("name")).isEqualTo("b");
    assertThat((String) nb.get("next")).startsWith("<cycle: ");
    assertThat((String) asList(na.get("children")).get(0)).startsWith("<cycle: ");

    Map<String, Object> map = new HashMap<>();
    map.put("me", map);
    assertThat((String) asMap(Snapshotter.capture(map)).get("me")).startsWith("<cycle: ");
  }

  @Test
  void sharedButAcyclicReferencesAreCopiedNotReportedAsCycles() {
    List<Integer> shared = List.of(1, 2);
    assertThat(Snapshotter.capture(List.of(shared, shared)))
        .isEqualTo(List.of(List.of(1, 2), List.of(1, 2)));
  }

  @Test
  void anExponentialDagStaysWithinTheNodeBudget() {
    Object level = "leaf";
    for (int i = 0; i < 40; i++) {
      List<Object> wide = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        wide.add(level);
      }
      level = wide;
    }
    long start = System.nanoTime();
    Object out = Snapshotter.capture(level);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    // once the budget is spent, lists already open only add a short marker per remaining element
    assertThat(countNodes(out)).isLessThanOrEqualTo(
        CaptureLimits.MAX_NODES + CaptureLimits.MAX_DEPTH * (CaptureLimits.MAX_ELEMENTS + 1) + 1);
  }

  private static int countNodes(Object node) {
    int n = 1;
    if (node instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        n += countNodes(v);
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        n += countNodes(v);
      }
    }
    return n;
  }

  @Test
  void anIteratorThatThrowsMidwayKeepsWhatCameBefore() {
    Iterable<Integer> failing = () -> new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        if (i == 3) {
          throw new NoSuchElementException("boom");
        }
        return i++;
      }
    };
    List<Object> out = asList(Snapshotter.capture(failing));
    assertThat(out).startsWith(0, 1, 2);
    assertThat((String) out.get(3)).contains("iteration failed").contains("NoSuchElementException");
  }

  @Test
  void anEndlessIterableIsCutAtTheElementLimit() {
    Iterable<Long> endless = () -> new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Long next() {
        return i++;
      }
    };
    List<Object> out = asList(Snapshotter.capture(endless));
    assertThat(out).hasSize(CaptureLimits.MAX_ELEMENTS + 1);
    assertThat(out.get(CaptureLimits.MAX_ELEMENTS)).isEqualTo("<more elements not captured>");
  }

  @Test
  void aMapThatThrowsConcurrentModificationIsCaptured() {
    Map<String, Object> hostile = new LinkedHashMap<>() {
      @Override
      public Set<Map.Entry<String, Object>> entrySet() {
        throw new ConcurrentModificationException();
      }
    };
    Map<String, Object> out = asMap(Snapshotter.capture(hostile));
    assertThat((String) out.get("<error>")).contains("ConcurrentModificationException");

    // a real concurrent modification: the map changes while it is being iterated
    Map<Object, Object> mutating = new LinkedHashMap<>();
    mutating.put("trigger", new Mutator(mutating));
    for (int i = 0; i < 5; i++) {
      mutating.put("k" + i, i);
    }
    Map<String, Object> partial = asMap(Snapshotter.capture(mutating));
    assertDetached(partial);
    assertThat(partial).containsEntry("trigger", List.of("x"));
    assertThat((String) partial.get("<error>")).contains("ConcurrentModificationException");
  }

  /** Mutates its map when read: a field read cannot run code, so this uses an iterable. */
  static final class Mutator implements Iterable<Object> {
    private final Map<Object, Object> map;

    Mutator(Map<Object, Object> map) {
      this.map = map;
    }

    @Override
    public Iterator<Object> iterator() {
      map.put(new Object(), "added during capture");
      return List.<Object>of("x").iterator();
    }
  }

  @Test
  void aHugeStringIsBoundedAndKeepsItsOriginalLength() {
    String huge = "x".repeat(100 * 1024 * 1024);
    long start = System.nanoTime();
    Object out = Snapshotter.capture(huge);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(out).isInstanceOf(TruncatedText.class);
    TruncatedText t = (TruncatedText) out;
    assertThat(t.originalLength()).isEqualTo(100L * 1024 * 1024);
    assertThat(t.limit()).isEqualTo(CaptureLimits.MAX_STRING_CHARS);
    assertThat(t.kept()).hasSize(CaptureLimits.MAX_STRING_CHARS + CaptureLimits.CUT_LOOKAHEAD_CHARS);
    assertThat(t.note()).endsWith("[truncated: 104857600 chars]");
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    String s = "a".repeat(CaptureLimits.MAX_STRING_CHARS + CaptureLimits.CUT_LOOKAHEAD_CHARS - 1)
        + "\uD83D\uDE00" + "tail";
    TruncatedText t = (TruncatedText) Snapshotter.text(s);
    assertThat(Character.isHighSurrogate(t.kept().charAt(t.kept().length() - 1))).isFalse();
  }

  @Test
  void deepNestingStopsAtTheDepthLimit() {
    List<Object> root = new ArrayList<>();
    List<Object> current = root;
    for (int i = 0; i < 10_000; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    Object out = Snapshotter.capture(root);
    int depth = 0;
    Object node = out;
    while (node instanceof List<?> l && !l.isEmpty()) {
      node = l.get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(CaptureLimits.MAX_DEPTH);
    assertThat((String) node).startsWith("<max depth: ");

    Node head = new Node("0");
    Node n = head;
    for (int i = 1; i < 50; i++) {
      n.next = new Node(Integer.toString(i));
      n = n.next;
    }
    assertDetached(Snapshotter.capture(head));
  }

  @Test
  void largeCollectionsAreCutAtTheElementLimit() {
    List<Integer> big = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      big.add(i);
    }
    List<Object> out = asList(Snapshotter.capture(big));
    assertThat(out).hasSize(CaptureLimits.MAX_ELEMENTS + 1);
    assertThat(out.get(CaptureLimits.MAX_ELEMENTS)).isEqualTo("<more elements not captured>");

    List<Object> arr = asList(Snapshotter.capture(new int[10_000]));
    assertThat(arr.get(CaptureLimits.MAX_ELEMENTS)).isEqualTo("<9500 more elements not captured>");

    Map<Integer, Integer> bigMap = new LinkedHashMap<>();
    for (int i = 0; i < 10_000; i++) {
      bigMap.put(i, i);
    }
    assertThat(asMap(Snapshotter.capture(bigMap))).hasSize(CaptureLimits.MAX_ELEMENTS + 1);
  }

  @Test
  void jdkObjectsAreDescribedByToString() throws Exception {
    Object thread = Snapshotter.capture(Thread.currentThread());
    assertThat(thread).isInstanceOf(String.class);
    assertThat((String) thread).contains(Thread.currentThread().getName());
    try (ServerSocket server = new ServerSocket(0);
        Socket socket = new Socket("127.0.0.1", server.getLocalPort())) {
      assertThat(Snapshotter.capture(socket)).isInstanceOf(String.class);
      assertThat(Snapshotter.capture(server)).isInstanceOf(String.class);
    }
    assertThat(Snapshotter.capture(new Object())).isInstanceOf(String.class);
    assertDetached(Snapshotter.capture(Map.of("lock", new Object(), "cl",
        SnapshotterTest.class.getClassLoader())));
  }

  @Test
  void throwablesBecomeTypeAndMessage() {
    Map<String, Object> out = asMap(Snapshotter.capture(new IllegalStateException("bad")));
    assertThat(out).containsEntry("type", "java.lang.IllegalStateException")
        .containsEntry("message", "bad");
  }

  @Test
  void theCopyIsDetachedFromLaterChanges() {
    List<Object> list = new ArrayList<>(List.of("a"));
    Map<String, Object> map = new HashMap<>(Map.of("k", "v"));
    StringBuilder sb = new StringBuilder("before");
    Node pojo = new Node("before");
    int[] array = {1};
    Object capturedList = Snapshotter.capture(list);
    Object capturedMap = Snapshotter.capture(map);
    Object capturedSb = Snapshotter.capture(sb);
    Object capturedPojo = Snapshotter.capture(pojo);
    Object capturedArray = Snapshotter.capture(array);
    list.add("b");
    map.put("k2", "v2");
    sb.append("-after");
    pojo.name = "after";
    array[0] = 2;
    assertThat(capturedList).isEqualTo(List.of("a"));
    assertThat(capturedMap).isEqualTo(Map.of("k", "v"));
    assertThat(capturedSb).isEqualTo("before");
    assertThat(asMap(capturedPojo)).containsEntry("name", "before");
    assertThat(capturedArray).isEqualTo(List.of(1));
  }
}
