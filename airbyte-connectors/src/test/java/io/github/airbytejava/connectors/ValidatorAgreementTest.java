package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.airbytejava.connectors.internal.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module's validator says what an independent JSON Schema (draft 7) implementation, networknt's, says, on
 * configurations generated from every connector's schema: mostly plausible ones, with required fields left out,
 * values of the wrong kind, outside their enum, const or bounds, misspelt and extra fields, repeated list items and
 * other oneOf variants mixed in. The corpus is the same on every run (a fixed seed per connector). {@code format} is
 * left out on both sides: it is an annotation in draft 7, and the module does not check it.
 */
class ValidatorAgreementTest {
  private static final int PER_CONNECTOR = 30;
  private static final long SEED = 20261207L;
  private static final int MAX_DEPTH = 8;

  @Test
  void theValidatorAgreesWithAnIndependentImplementationOnEveryConnector() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    int valid = 0;
    for (Connector connector : Connectors.all()) {
      Schema independent = registry.getSchema(connector.schemaJson(), InputFormat.JSON);
      JsonObject schema = JsonParser.parseString(connector.schemaJson()).getAsJsonObject();
      Corpus corpus = new Corpus(new Random(SEED ^ (connector.actorType() + "/" + connector.slug()).hashCode()));
      for (int i = 0; i < PER_CONNECTOR; i++) {
        String json = corpus.object(schema, 0).toString();
        Map<String, Object> configuration = Values.parseObject(json);
        List<ConfigurationProblem> ours = connector.problems(configuration);
        List<com.networknt.schema.Error> theirs = independent.validate(json, InputFormat.JSON,
            context -> context.executionConfig(config -> config.formatAssertionsEnabled(false)));
        checked++;
        if (ours.isEmpty()) {
          valid++;
        }
        if (ours.isEmpty() != theirs.isEmpty() && disagreements.size() < 20) {
          disagreements.add(connector + ": ours " + ours + ", networknt's " + theirs.stream()
              .map(e -> e.getInstanceLocation() + " " + e.getKeyword()).toList() + " for " + json);
        }
      }
    }
    assertEquals(List.of(), disagreements, String.join("\n", disagreements));
    assertEquals(Connectors.all().size() * PER_CONNECTOR, checked);
    // A corpus of only valid or only invalid configurations would agree with anything.
    assertTrue(valid > checked / 10 && valid < checked * 9 / 10, valid + " of " + checked + " valid");
  }

  /** Makes JSON values for a schema, mostly fitting it. */
  private static final class Corpus {
    private static final String[] STRINGS = {"", "x", "db.internal", "2024-01-01", "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00.000Z", "https://example.com/api", "ABC-123", "us-east-1", "12345", "a b"};
    private static final long[] INTEGERS = {-1, 0, 1, 2, 10, 100, 5432, 65535, 65536, 100000};
    private final Random random;

    Corpus(Random random) {
      this.random = random;
    }

    private boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    JsonElement value(JsonObject s, int depth) {
      if (chance(3) || depth > MAX_DEPTH) {
        return anyValue();
      }
      if (s.has("const") && chance(85)) {
        return s.get("const").deepCopy();
      }
      if (s.has("enum") && chance(85)) {
        JsonArray values = s.getAsJsonArray("enum");
        return values.size() == 0 ? JsonNull.INSTANCE : values.get(random.nextInt(values.size())).deepCopy();
      }
      if (s.has("oneOf") && chance(95)) {
        JsonArray variants = s.getAsJsonArray("oneOf");
        JsonObject variant = variants.get(random.nextInt(variants.size())).getAsJsonObject();
        JsonElement made = value(variant, depth + 1);
        if (made.isJsonObject() && s.has("properties") && chance(50)) {
          fill(made.getAsJsonObject(), s, depth);
        }
        return made;
      }
      List<String> types = types(s);
      String type = types.isEmpty() ? (s.has("properties") ? "object" : "string") : pick(types);
      return switch (type) {
        case "object" -> object(s, depth);
        case "array" -> array(s, depth);
        case "string" -> string(s);
        case "integer" -> new JsonPrimitive(integer(s));
        case "number" -> chance(50) ? new JsonPrimitive(integer(s))
            : new JsonPrimitive(new BigDecimal(integer(s)).add(new BigDecimal("0.5")));
        case "boolean" -> new JsonPrimitive(random.nextBoolean());
        default -> JsonNull.INSTANCE;
      };
    }

    /** For a pattern, mostly a sample that matches it (else every configuration would fail on it alike). */
    private JsonElement string(JsonObject s) {
      if (s.has("pattern") && chance(85)) {
        Pattern pattern = Pattern.compile(s.get("pattern").getAsString());
        List<String> matching = MinimalConfigurations.SAMPLES.stream().filter(v -> pattern.matcher(v).find()).toList();
        if (!matching.isEmpty()) {
          return new JsonPrimitive(pick(matching));
        }
      }
      if (s.has("default") && s.get("default").isJsonPrimitive() && chance(40)) {
        return s.get("default").deepCopy();
      }
      return new JsonPrimitive(STRINGS[random.nextInt(STRINGS.length)]);
    }

    /** Near the bounds half of the time, where off-by-one mistakes are. */
    private long integer(JsonObject s) {
      List<Long> candidates = new ArrayList<>();
      for (String bound : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
        if (s.has(bound)) {
          long b = s.get(bound).getAsBigDecimal().longValue();
          candidates.addAll(List.of(b - 1, b, b + 1));
        }
      }
      if (!candidates.isEmpty() && chance(50)) {
        return pick(candidates);
      }
      if (s.has("default") && s.get("default").isJsonPrimitive() && s.get("default").getAsJsonPrimitive().isNumber()
          && chance(40)) {
        return s.get("default").getAsBigDecimal().longValue();
      }
      return INTEGERS[random.nextInt(INTEGERS.length)];
    }

    JsonObject object(JsonObject s, int depth) {
      JsonObject out = new JsonObject();
      fill(out, s, depth);
      if (s.has("oneOf") && chance(90)) {
        JsonElement variant = value(s, depth + 1);
        if (variant.isJsonObject()) {
          variant.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
        }
      }
      return out;
    }

    private void fill(JsonObject out, JsonObject s, int depth) {
      JsonObject properties = s.has("properties") ? s.getAsJsonObject("properties") : new JsonObject();
      List<String> required = new ArrayList<>();
      if (s.has("required")) {
        s.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
      }
      for (Map.Entry<String, JsonElement> p : properties.entrySet()) {
        if (chance(required.contains(p.getKey()) ? 93 : 45) && p.getValue().isJsonObject()) {
          out.add(p.getKey(), value(p.getValue().getAsJsonObject(), depth + 1));
        }
      }
      if (chance(4)) {
        out.addProperty("unexpected_field", "x");
      }
      if (!properties.keySet().isEmpty() && chance(4)) {
        String name = pick(new ArrayList<>(properties.keySet()));
        if (name.length() > 1) {
          out.addProperty(name.substring(1), "x"); // misspelt: its first letter dropped
        }
      }
    }

    private JsonArray array(JsonObject s, int depth) {
      JsonArray out = new JsonArray();
      int n = random.nextInt(4);
      JsonObject items = s.has("items") && s.get("items").isJsonObject() ? s.getAsJsonObject("items") : null;
      for (int i = 0; i < n; i++) {
        out.add(items == null ? anyValue() : value(items, depth + 1));
      }
      if (n > 0 && chance(15)) {
        out.add(out.get(0).deepCopy());
      }
      return out;
    }

    private JsonElement anyValue() {
      return switch (random.nextInt(6)) {
        case 0 -> JsonNull.INSTANCE;
        case 1 -> new JsonPrimitive(true);
        case 2 -> new JsonPrimitive(7);
        case 3 -> new JsonPrimitive("text");
        case 4 -> new JsonArray();
        default -> new JsonObject();
      };
    }

    private static List<String> types(JsonObject s) {
      JsonElement type = s.get("type");
      List<String> out = new ArrayList<>();
      if (type == null) {
        return out;
      }
      if (type.isJsonArray()) {
        type.getAsJsonArray().forEach(t -> out.add(t.getAsString()));
      } else {
        out.add(type.getAsString());
      }
      return out;
    }
  }
}
