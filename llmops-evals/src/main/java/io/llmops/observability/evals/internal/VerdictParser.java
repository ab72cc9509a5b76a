package io.llmops.observability.evals.internal;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.llmops.observability.evals.JudgeException;
import io.llmops.observability.evals.Verdict;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge model's answer as a {@link Verdict}, tolerantly: the first JSON object that has
 * a score, wherever it is (prose, code fences, one level of nesting), lenient JSON (single
 * quotes, unquoted names, trailing commas), numbers given as strings ({@code "8/10"}, {@code
 * "85%"}), scores on 0-1, 0-10 or 0-100 scales. Strict about where the verdict comes from: a
 * data section the judge echoes is not read, and an answer holding two different verdicts (or
 * prose scores) is unreadable rather than read as either. Without a usable score it throws a
 * {@link JudgeException} with reason {@value #UNREADABLE}. Internal.
 */
public final class VerdictParser {

  public static final String UNREADABLE = "unreadable_answer";

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .build();
  private static final List<String> SCORE_KEYS = List.of("score", "rating", "grade", "value");
  private static final List<String> LABEL_KEYS = List.of("label", "verdict", "category", "result");
  private static final List<String> RATIONALE_KEYS =
      List.of("rationale", "reason", "reasoning", "explanation", "justification");
  private static final Pattern NUMBER =
      Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s*(%|/\\s*(\\d+(?:\\.\\d+)?))?$");
  private static final Pattern PROSE_SCORE = Pattern.compile(
      "(?i)\\bscore\\b(?:\\s+(?:of|is))?\\W{0,4}(-?\\d+(?:\\.\\d+)?)(\\s*(?:%|/\\s*\\d+(?:\\.\\d+)?))?");
  private static final int MAX_ANSWER_CHARS = 64 * 1024;
  /** The data section of the prompt, if the judge echoes it: never a place to read a verdict. */
  private static final Pattern ECHOED_DATA =
      Pattern.compile("(?is)<\\s*" + JudgePrompts.DATA_TAG + "\\s*>.*?<\\s*/\\s*"
          + JudgePrompts.DATA_TAG + "\\s*>");

  private VerdictParser() {}

  public static Verdict parse(String answer) {
    if (answer == null || answer.isBlank()) {
      throw unreadable("the judge answered nothing");
    }
    String text = answer.length() > MAX_ANSWER_CHARS ? answer.substring(0, MAX_ANSWER_CHARS) : answer;
    text = ECHOED_DATA.matcher(text).replaceAll(" ");
    boolean sawObject = false;
    Verdict found = null;
    for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
      int end = matchingBrace(text, start);
      JsonNode node = end < 0 ? null : readObject(text.substring(start, end + 1));
      if (node == null) {
        continue; // an object inside it may still be one
      }
      sawObject = true;
      JsonNode verdict = withScore(node);
      if (verdict != null) {
        found = only(found, toVerdict(verdict));
      }
      start = end; // objects inside one already read are part of it
    }
    if (found != null) {
      return found;
    }
    for (Matcher prose = PROSE_SCORE.matcher(text); prose.find(); ) {
      String number = prose.group(1) + (prose.group(2) == null ? "" : prose.group(2).strip());
      found = only(found, new Verdict(normalise(number), null, null));
    }
    if (found != null) {
      return found;
    }
    throw unreadable(sawObject ? "the judge's JSON answer has no score" : "the judge's answer has no JSON object and no score");
  }

  /**
   * The verdict when {@code next} repeats {@code found} (or is the first); two that differ mean
   * the answer quotes a verdict besides giving one (perhaps one injected into the judged text),
   * and neither is taken.
   */
  private static Verdict only(Verdict found, Verdict next) {
    if (found == null) {
      return next;
    }
    if (found.score() != next.score() || !java.util.Objects.equals(found.label(), next.label())) {
      throw unreadable("the judge's answer holds more than one verdict or score: "
          + found.score() + " and " + next.score());
    }
    return found;
  }

  private static JsonNode readObject(String candidate) {
    try {
      JsonNode node = JSON.readTree(candidate);
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /** The object itself when it has a score, else its first child object that has one. */
  private static JsonNode withScore(JsonNode node) {
    if (field(node, SCORE_KEYS) != null) {
      return node;
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      JsonNode child = children.next();
      if (child.isObject() && field(child, SCORE_KEYS) != null) {
        return child;
      }
    }
    return null;
  }

  private static Verdict toVerdict(JsonNode node) {
    JsonNode score = field(node, SCORE_KEYS);
    double value = score.isNumber() ? normalise(score.asDouble(), null) : normalise(score.asText());
    return new Verdict(value, text(field(node, LABEL_KEYS)), text(field(node, RATIONALE_KEYS)));
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  private static JsonNode field(JsonNode node, List<String> keys) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey().strip().toLowerCase(Locale.ROOT);
      if (keys.contains(key) && !entry.getValue().isNull()) {
        return entry.getValue();
      }
    }
    return null;
  }

  static double normalise(String raw) {
    Matcher m = NUMBER.matcher(raw.strip());
    if (!m.matches()) {
      throw unreadable("the judge's score is not a number: " + abbreviate(raw));
    }
    double value = Double.parseDouble(m.group(1));
    if ("%".equals(m.group(2))) {
      return normalise(value, 100.0);
    }
    return normalise(value, m.group(3) == null ? null : Double.parseDouble(m.group(3)));
  }

  /** To 0..1: an explicit scale divides; otherwise 0-1 stays, up to 10 and up to 100 are scaled. */
  static double normalise(double value, Double scale) {
    if (!Double.isFinite(value) || value < 0) {
      throw unreadable("the judge's score is out of range: " + value);
    }
    double result;
    if (scale != null) {
      result = scale > 0 ? value / scale : Double.NaN;
    } else if (value <= 1) {
      result = value;
    } else if (value <= 10) {
      result = value / 10;
    } else if (value <= 100) {
      result = value / 100;
    } else {
      result = Double.NaN;
    }
    if (!(result >= 0 && result <= 1)) {
      throw unreadable("the judge's score is out of range: " + value
          + (scale == null ? "" : " of " + scale));
    }
    return result;
  }

  /** The index of the brace closing the one at {@code start}, skipping strings; -1 if none. */
  private static int matchingBrace(String text, int start) {
    int depth = 0;
    boolean inString = false;
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static JudgeException unreadable(String message) {
    return new JudgeException(UNREADABLE, message);
  }
}
