package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A span's inputs keep the order and replacement rules of a LinkedHashMap, at any size. */
class InputMapTest {

  @Test
  void inputsKeepTheOrderTheyWereFirstSetInAndALaterValueReplacesTheEarlierInPlace() {
    for (int count : new int[] {0, 1, 3, InputMap.LINEAR_MAX, InputMap.LINEAR_MAX + 1, 40}) {
      InputMap inputs = new InputMap();
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        assertThat(inputs.put("k" + i, i)).isEqualTo(expected.put("k" + i, i));
      }
      for (int i = 0; i < count; i += 2) {
        assertThat(inputs.put("k" + i, "again " + i)).isEqualTo(expected.put("k" + i, "again " + i));
      }

      assertThat(inputs).containsExactlyEntriesOf(expected);
      assertThat(inputs).hasSize(expected.size()).isEqualTo(expected);
      assertThat(inputs.get("k0")).isEqualTo(expected.get("k0"));
      assertThat(inputs.containsKey("k" + count)).isFalse();
    }
  }

  @Test
  void aCopyChangesIndependentlyOfItsOriginal() {
    for (int count : new int[] {2, InputMap.LINEAR_MAX + 2}) {
      InputMap original = new InputMap();
      for (int i = 0; i < count; i++) {
        original.put("k" + i, i);
      }
      InputMap copy = new InputMap(original);

      copy.put("k0", "changed");
      copy.put("added", true);

      assertThat(original.get("k0")).isEqualTo(0);
      assertThat(original.containsKey("added")).isFalse();
      assertThat(copy).hasSize(count + 1).containsEntry("k0", "changed");
    }
  }
}
