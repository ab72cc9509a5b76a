package io.llmops.observability.internal.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.CostBreakdown;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.internal.common.Saturating;
import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The price table of one runtime: the built-in Bedrock table, overlaid by the entries of a price
 * file ({@code LLMOPS_PRICING_FILE}) and by prices set in code ({@code Pricing.setPrice}), which
 * belong to this table and so end with the runtime that owns it. Look-ups are cached by raw model
 * id. Thread-safe. Internal.
 */
public final class PriceTable {

  static final String RESOURCE = "/io/llmops/observability/pricing/bedrock-prices.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> GEO_PREFIXES =
      Set.of("us", "eu", "apac", "global", "us-gov", "ca", "jp", "au", "apne", "sa");
  private static final Object MISSING = new Object();
  private static final int MAX_CACHED = 4_096;
  private static final int MAX_WARNED = 1_000;

  private final Map<String, ModelPrice> prices;
  private final Map<String, ModelPrice> aliases;
  private final Map<String, ModelPrice> overrides = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Object> lookups = new ConcurrentHashMap<>();

  private PriceTable(Map<String, ModelPrice> prices) {
    this.prices = prices;
    this.aliases = aliases(prices);
  }

  /**
   * The built-in table overlaid by {@code file} (null for none). A file that cannot be read is
   * logged and the built-in prices are used (the configuration validated it when it was built).
   */
  public static PriceTable forFile(String file) {
    Map<String, ModelPrice> prices = new HashMap<>(Builtin.PRICES);
    if (file != null) {
      try {
        prices.putAll(parse(Files.readString(Path.of(file))));
      } catch (IOException | RuntimeException e) {
        SdkLog.warnOnce("pricing-file", "llmops: could not read the price file " + file
            + " (" + e.getMessage() + "); using the built-in prices");
      }
    }
    return new PriceTable(prices);
  }

  /** Validates a price file for the configuration: its path when readable and well-formed. */
  public static String validateFile(String path) {
    try {
      parse(Files.readString(Path.of(path)));
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void setOverride(String modelId, ModelPrice price) {
    overrides.put(normalize(modelId), price);
    lookups.clear();
  }

  public void removeOverride(String modelId) {
    overrides.remove(normalize(modelId));
    lookups.clear();
  }

  /** The price of {@code modelId}, or null. */
  public ModelPrice price(String modelId) {
    if (modelId == null || modelId.isBlank()) {
      return null;
    }
    Object hit = lookups.get(modelId);
    if (hit == null) {
      ModelPrice found = find(normalize(modelId));
      hit = found == null ? MISSING : found;
      if (lookups.size() >= MAX_CACHED) {
        lookups.clear();
      }
      lookups.put(modelId, hit);
    }
    return hit == MISSING ? null : (ModelPrice) hit;
  }

  private ModelPrice find(String key) {
    String dateless = stripDate(key);
    for (String candidate : dateless.equals(key) ? new String[] {key} : new String[] {key, dateless}) {
      ModelPrice price = overrides.get(candidate);
      if (price == null) {
        price = prices.get(candidate);
      }
      if (price == null) {
        price = aliases.get(candidate);
      }
      if (price != null) {
        return price;
      }
    }
    return null;
  }

  /** The cost, or null (with one warning per model id when {@code warn}) for an unknown model. */
  public CostBreakdown cost(String modelId, long in, long out, long cacheRead, long cacheWrite,
      boolean warn) {
    ModelPrice price = price(modelId);
    if (price == null) {
      if (warn && modelId != null && warned.size() < MAX_WARNED && warned.add(modelId)) {
        SdkLog.warn("llmops: no price for model '" + modelId + "' (looked up as '"
            + normalize(modelId) + "'); its generations carry no cost. Add it with "
            + "LLMOPS_PRICING_FILE or Pricing.setPrice (docs/LLM.md)");
      }
      return null;
    }
    long uncached = Math.max(0, in - Saturating.add(cacheRead, cacheWrite));
    double inputCost = uncached * price.inputPerMillion() / 1e6;
    double readCost = cacheRead * (price.cacheReadPerMillion() != null
        ? price.cacheReadPerMillion() : price.inputPerMillion()) / 1e6;
    double writeCost = cacheWrite * (price.cacheWritePerMillion() != null
        ? price.cacheWritePerMillion() : price.inputPerMillion()) / 1e6;
    double outputCost = out * price.outputPerMillion() / 1e6;
    return new CostBreakdown(inputCost, readCost, writeCost, outputCost,
        inputCost + readCost + writeCost + outputCost);
  }

  /**
   * The look-up key of a model id: lower case; an ARN cut to what follows its last {@code /}; a
   * region or global inference-profile prefix dropped; a {@code :n} version and a {@code -vN}
   * suffix dropped.
   */
  public static String normalize(String modelId) {
    if (modelId == null) {
      return null;
    }
    String s = modelId.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("arn:")) {
      s = s.substring(s.lastIndexOf('/') + 1);
    }
    int dot = s.indexOf('.');
    if (dot > 0 && s.indexOf('.', dot + 1) > 0 && GEO_PREFIXES.contains(s.substring(0, dot))) {
      s = s.substring(dot + 1);
    }
    int colon = s.indexOf(':');
    if (colon >= 0) {
      s = s.substring(0, colon);
    }
    int v = s.lastIndexOf("-v");
    if (v > 0 && v + 2 < s.length() && allDigits(s, v + 2)) {
      s = s.substring(0, v);
    }
    return s;
  }

  private static boolean allDigits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code x-20241022} becomes {@code x}. */
  private static String stripDate(String key) {
    int dash = key.lastIndexOf('-');
    if (dash > 0 && key.length() - dash == 9 && allDigits(key, dash + 1)) {
      return key.substring(0, dash);
    }
    return key;
  }

  /** Date-less and provider-less spellings of each key, where unambiguous. */
  private static Map<String, ModelPrice> aliases(Map<String, ModelPrice> prices) {
    Map<String, ModelPrice> aliases = new HashMap<>();
    Set<String> ambiguous = new java.util.HashSet<>();
    for (Map.Entry<String, ModelPrice> entry : prices.entrySet()) {
      String key = entry.getKey();
      int dot = key.indexOf('.');
      for (String alias : new String[] {stripDate(key), dot > 0 ? key.substring(dot + 1) : key,
          dot > 0 ? stripDate(key.substring(dot + 1)) : key}) {
        if (alias.equals(key) || prices.containsKey(alias) || ambiguous.contains(alias)) {
          continue;
        }
        ModelPrice previous = aliases.putIfAbsent(alias, entry.getValue());
        if (previous != null && !previous.equals(entry.getValue())) {
          aliases.remove(alias);
          ambiguous.add(alias);
        }
      }
    }
    return aliases;
  }

  /** Parses a price document ({@code models: [{ids|id, input, output, cache_read?, cache_write?}]}). */
  static Map<String, ModelPrice> parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isArray()) {
      throw new IllegalArgumentException("a price file needs a \"models\" array");
    }
    Map<String, ModelPrice> prices = new HashMap<>();
    for (JsonNode model : models) {
      ModelPrice price = new ModelPrice(number(model, "input", true), number(model, "output", true),
          optional(model, "cache_read"), optional(model, "cache_write"));
      JsonNode ids = model.has("ids") ? model.get("ids") : model.get("id");
      if (ids == null || (!ids.isArray() && !ids.isTextual())) {
        throw new IllegalArgumentException("a model entry needs \"ids\" or \"id\": " + model);
      }
      for (JsonNode id : ids.isArray() ? ids : JSON.createArrayNode().add(ids)) {
        prices.put(normalize(id.asText()), price);
      }
    }
    return prices;
  }

  private static double number(JsonNode model, String field, boolean required) {
    JsonNode value = model.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("a model entry needs a number \"" + field + "\": " + model);
    }
    return value.doubleValue();
  }

  private static Double optional(JsonNode model, String field) {
    JsonNode value = model.get(field);
    return value == null || value.isNull() ? null : number(model, field, false);
  }

  /** The built-in table, read once. */
  static final class Builtin {
    static final Map<String, ModelPrice> PRICES = load();

    private static Map<String, ModelPrice> load() {
      try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException(RESOURCE + " is missing");
        }
        return Map.copyOf(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        SdkLog.error("llmops: the built-in price table could not be read; no costs", e);
        return Map.of();
      }
    }
  }
}
