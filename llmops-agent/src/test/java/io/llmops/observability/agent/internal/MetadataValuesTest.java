package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.MetadataValues;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How the text after {@code =} in an annotation's {@code metadata} entry becomes the exported
 * value: the rule documented in docs/AGENT.md, case by case.
 */
class MetadataValuesTest {

  @Test
  void integersOfAtMostTwelveDigitsBecomeIntegers() {
    assertThat(MetadataValues.typed("0")).isEqualTo(0L);
    assertThat(MetadataValues.typed("512")).isEqualTo(512L);
    assertThat(MetadataValues.typed("-3")).isEqualTo(-3L);
    assertThat(MetadataValues.typed("123456789012")).isEqualTo(123_456_789_012L);
    assertThat(MetadataValues.typed("-999999999999")).isEqualTo(-999_999_999_999L);
  }

  @Test
  void integersWrittenAnyOtherWayOrLongerThanTwelveDigitsStayStrings() {
    // leading zeros (codes, zip codes), signs JSON does not write, identifiers such as card,
    // account and phone numbers, numbers beyond what consumers reading doubles keep exactly
    for (String text : new String[] {"007", "00", "-0", "+5", "- 5", "1234567890123",
        "4111111111111111", "123456789012345678901234567890", "1_000", "1,000", "0x10", "10L"}) {
      assertThat(MetadataValues.typed(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void decimalsOfAtMostFifteenSignificantDigitsBecomeNumbers() {
    assertThat(MetadataValues.typed("0.7")).isEqualTo(0.7);
    assertThat(MetadataValues.typed("-2.5")).isEqualTo(-2.5);
    assertThat(MetadataValues.typed("2.50")).isEqualTo(2.5);
    assertThat(MetadataValues.typed("1e3")).isEqualTo(1000.0);
    assertThat(MetadataValues.typed("1E3")).isEqualTo(1000.0);
    assertThat(MetadataValues.typed("1.5e+2")).isEqualTo(150.0);
    assertThat(MetadataValues.typed("2.5E-3")).isEqualTo(0.0025);
    assertThat(MetadataValues.typed("0.0")).isEqualTo(0.0);
    assertThat(MetadataValues.typed("123456789.012345")).isEqualTo(123456789.012345);
    assertThat(MetadataValues.typed("1.5e300")).isEqualTo(1.5e300);
  }

  @Test
  void decimalsADoubleCannotHoldAsWrittenOrThatJsonCannotWriteStayStrings() {
    for (String text : new String[] {"3.14159265358979323846", "1.0000000000000001", "1e400",
        "-1e400", "1e-400", "1e99999999999", "NaN", "Infinity", "-Infinity", ".5", "5.", "1e",
        "1e+", "1.2.3", "07.5", "0.1f", "1d", "1 000.5", "1.5 "}) {
      assertThat(MetadataValues.typed(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void onlyLowerCaseTrueAndFalseBecomeBooleans() {
    assertThat(MetadataValues.typed("true")).isEqualTo(Boolean.TRUE);
    assertThat(MetadataValues.typed("false")).isEqualTo(Boolean.FALSE);
    for (String text : new String[] {"True", "TRUE", "False", "FALSE", "yes", "no", "on", "t"}) {
      assertThat(MetadataValues.typed(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void aValueInQuotesIsTheStringBetweenThem() {
    assertThat(MetadataValues.typed("\"2.10\"")).isEqualTo("2.10");
    assertThat(MetadataValues.typed("'true'")).isEqualTo("true");
    assertThat(MetadataValues.typed("'007'")).isEqualTo("007");
    assertThat(MetadataValues.typed("\"\"")).isEqualTo("");
    assertThat(MetadataValues.typed("\" padded \"")).isEqualTo(" padded ");
    assertThat(MetadataValues.typed("\"say \"hi\"\"")).isEqualTo("say \"hi\"");
  }

  @Test
  void unmatchedQuotesAndOtherTextStayAsWritten() {
    for (String text : new String[] {"\"", "'", "\"abc", "abc\"", "'abc\"", "\"abc'", "auth",
        "high priority", "", "null", "[1, 2]", "{}"}) {
      assertThat(MetadataValues.typed(text)).as(text).isEqualTo(text);
    }
  }
}
