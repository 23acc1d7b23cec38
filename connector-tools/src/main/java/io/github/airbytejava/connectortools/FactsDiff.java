package io.github.airbytejava.connectortools;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed between two facts files, connector by connector and field by field, each change marked as breaking
 * callers of {@code airbyte-connectors} or not.
 *
 * <p>Breaking: a connector, field, enum value or oneOf variant removed (its class, accessor or constant goes away);
 * a type or const changed; a field that became required, or a new required field (configurations built before no
 * longer validate); tighter bounds, a new or changed pattern, closed additional properties (values accepted before
 * may now be rejected). Not breaking: new connectors, optional fields, enum values and variants; defaults, looser
 * bounds, formats, secrets, names and Docker repositories. Property {@code order} is not compared.
 */
public final class FactsDiff {

  /** One change; {@code path} is empty for a change to the connector itself. */
  public record Change(boolean breaking, String path, String what) {
    @Override
    public String toString() {
      return (breaking ? "BREAKING  " : "ok        ") + (path.isEmpty() ? "" : path + ": ") + what;
    }
  }

  /** The changes of one connector, {@code key} like {@code source postgres}. */
  public record ConnectorChanges(String key, List<Change> changes) {
    boolean breaking() {
      return changes.stream().anyMatch(Change::breaking);
    }
  }

  private final List<ConnectorChanges> connectors = new ArrayList<>();

  private FactsDiff() {
  }

  public static FactsDiff compare(JsonObject before, JsonObject after) {
    Map<String, JsonObject> old = byKey(before);
    Map<String, JsonObject> now = byKey(after);
    Set<String> keys = new java.util.TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    FactsDiff diff = new FactsDiff();
    for (String key : keys) {
      JsonObject a = old.get(key);
      JsonObject b = now.get(key);
      List<Change> changes = new ArrayList<>();
      if (a == null) {
        changes.add(new Change(false, "", "added (" + fieldCount(b.getAsJsonObject("schema")) + " fields)"));
      } else if (b == null) {
        changes.add(new Change(true, "", "removed (its class goes away)"));
      } else {
        for (String field : List.of("definitionId", "name", "dockerRepository", "inServerNameMap")) {
          if (!Objects.equals(a.get(field), b.get(field))) {
            changes.add(new Change(false, "", field + " " + text(a.get(field)) + " -> " + text(b.get(field))));
          }
        }
        compareSchema("", a.getAsJsonObject("schema"), b.getAsJsonObject("schema"), changes);
      }
      if (!changes.isEmpty()) {
        diff.connectors.add(new ConnectorChanges(key, changes));
      }
    }
    return diff;
  }

  public List<ConnectorChanges> connectors() {
    return connectors;
  }

  public boolean breaking() {
    return connectors.stream().anyMatch(ConnectorChanges::breaking);
  }

  /** The report: one block per changed connector, then a summary line. */
  public String report() {
    StringBuilder out = new StringBuilder();
    int added = 0;
    int removed = 0;
    int breakingChanges = 0;
    for (ConnectorChanges c : connectors) {
      out.append(c.key()).append('\n');
      for (Change change : c.changes()) {
        out.append("  ").append(change).append('\n');
        if (change.breaking()) {
          breakingChanges++;
        }
        if (change.path().isEmpty() && change.what().startsWith("added")) {
          added++;
        }
        if (change.path().isEmpty() && change.what().startsWith("removed")) {
          removed++;
        }
      }
    }
    out.append(connectors.isEmpty() ? "No connector changed." : connectors.size() + " connectors changed ("
        + added + " added, " + removed + " removed), " + breakingChanges + " breaking changes.").append('\n');
    return out.toString();
  }

  private static Map<String, JsonObject> byKey(JsonObject facts) {
    Map<String, JsonObject> result = new TreeMap<>();
    for (JsonElement element : facts.getAsJsonArray("connectors")) {
      JsonObject connector = element.getAsJsonObject();
      result.put(connector.get("actorType").getAsString() + " " + connector.get("slug").getAsString(), connector);
    }
    return result;
  }

  private static void compareSchema(String path, JsonObject a, JsonObject b, List<Change> changes) {
    if (!Objects.equals(a.get("type"), b.get("type"))) {
      changes.add(new Change(true, at(path), "type " + text(a.get("type")) + " -> " + text(b.get("type"))));
    }
    if (!Objects.equals(a.get("const"), b.get("const"))) {
      changes.add(new Change(true, at(path), "const " + text(a.get("const")) + " -> " + text(b.get("const"))));
    }
    compareEnum(path, a, b, changes);
    if (!Objects.equals(a.get("default"), b.get("default"))) {
      changes.add(new Change(false, at(path), "default " + text(a.get("default")) + " -> " + text(b.get("default"))));
    }
    if (!Objects.equals(a.get("format"), b.get("format"))) {
      changes.add(new Change(false, at(path), "format " + text(a.get("format")) + " -> " + text(b.get("format"))));
    }
    if (!Objects.equals(a.get("pattern"), b.get("pattern"))) {
      boolean removed = b.get("pattern") == null;
      changes.add(new Change(!removed, at(path), "pattern " + text(a.get("pattern")) + " -> " + text(b.get("pattern"))));
    }
    compareBound(path, "minimum", a, b, true, changes);
    compareBound(path, "exclusiveMinimum", a, b, true, changes);
    compareBound(path, "minLength", a, b, true, changes);
    compareBound(path, "minItems", a, b, true, changes);
    compareBound(path, "maximum", a, b, false, changes);
    compareBound(path, "exclusiveMaximum", a, b, false, changes);
    compareBound(path, "maxLength", a, b, false, changes);
    compareBound(path, "maxItems", a, b, false, changes);
    if (!Objects.equals(a.get("uniqueItems"), b.get("uniqueItems"))) {
      boolean now = b.has("uniqueItems") && b.get("uniqueItems").getAsBoolean();
      changes.add(new Change(now, at(path), "uniqueItems " + text(a.get("uniqueItems")) + " -> " + text(b.get("uniqueItems"))));
    }
    if (!Objects.equals(a.get("airbyte_secret"), b.get("airbyte_secret"))) {
      boolean now = b.has("airbyte_secret") && b.get("airbyte_secret").getAsBoolean();
      changes.add(new Change(false, at(path), now ? "now secret" : "no longer secret"));
    }
    JsonElement closedBefore = a.get("additionalProperties");
    JsonElement closedAfter = b.get("additionalProperties");
    if (!Objects.equals(closedBefore, closedAfter)) {
      boolean closes = closedAfter != null && closedAfter.isJsonPrimitive() && !closedAfter.getAsBoolean();
      changes.add(new Change(closes, at(path), "additionalProperties " + text(closedBefore) + " -> " + text(closedAfter)));
    }
    compareProperties(path, a, b, changes);
    JsonObject itemsA = objectOrNull(a.get("items"));
    JsonObject itemsB = objectOrNull(b.get("items"));
    if (itemsA != null && itemsB != null) {
      compareSchema(path + "[]", itemsA, itemsB, changes);
    } else if (itemsA != null || itemsB != null) {
      changes.add(new Change(true, at(path), "items " + (itemsA == null ? "added" : "removed")));
    }
    compareVariants(path, a, b, changes);
  }

  private static void compareProperties(String path, JsonObject a, JsonObject b, List<Change> changes) {
    JsonObject propsA = a.has("properties") ? a.getAsJsonObject("properties") : new JsonObject();
    JsonObject propsB = b.has("properties") ? b.getAsJsonObject("properties") : new JsonObject();
    Set<String> requiredA = strings(a.get("required"));
    Set<String> requiredB = strings(b.get("required"));
    Set<String> names = new LinkedHashSet<>(propsA.keySet());
    names.addAll(propsB.keySet());
    for (String name : names) {
      String child = path.isEmpty() ? name : path + "." + name;
      JsonElement before = propsA.get(name);
      JsonElement after = propsB.get(name);
      if (before == null) {
        boolean required = requiredB.contains(name);
        changes.add(new Change(required, child, required ? "added, required" : "added"));
      } else if (after == null) {
        changes.add(new Change(true, child, "removed"));
      } else {
        if (!requiredA.contains(name) && requiredB.contains(name)) {
          changes.add(new Change(true, child, "now required"));
        } else if (requiredA.contains(name) && !requiredB.contains(name)) {
          changes.add(new Change(false, child, "no longer required"));
        }
        compareSchema(child, before.getAsJsonObject(), after.getAsJsonObject(), changes);
      }
    }
  }

  private static void compareVariants(String path, JsonObject a, JsonObject b, List<Change> changes) {
    Map<String, JsonObject> variantsA = variants(a);
    Map<String, JsonObject> variantsB = variants(b);
    Set<String> names = new LinkedHashSet<>(variantsA.keySet());
    names.addAll(variantsB.keySet());
    for (String name : names) {
      JsonObject before = variantsA.get(name);
      JsonObject after = variantsB.get(name);
      if (before == null) {
        changes.add(new Change(false, at(path), "variant " + name + " added"));
      } else if (after == null) {
        changes.add(new Change(true, at(path), "variant " + name + " removed"));
      } else {
        compareSchema(path + "[" + name + "]", before, after, changes);
      }
    }
  }

  /** A oneOf's variants by the value of their discriminator (the property every variant gives a const), else by index. */
  static Map<String, JsonObject> variants(JsonObject schema) {
    Map<String, JsonObject> result = new LinkedHashMap<>();
    if (!schema.has("oneOf")) {
      return result;
    }
    JsonArray oneOf = schema.getAsJsonArray("oneOf");
    String discriminator = discriminator(oneOf);
    for (int i = 0; i < oneOf.size(); i++) {
      JsonObject variant = oneOf.get(i).getAsJsonObject();
      String name = discriminator == null ? "#" + i
          : fixedValue(variant.getAsJsonObject("properties").getAsJsonObject(discriminator));
      result.put(name, variant);
    }
    return result;
  }

  /** A property's one allowed string: its const, or the value of a one-value enum; else null. */
  public static String fixedValue(JsonObject property) {
    JsonElement c = property.get("const");
    if (c == null && property.has("enum") && property.getAsJsonArray("enum").size() == 1) {
      c = property.getAsJsonArray("enum").get(0);
    }
    return c != null && c.isJsonPrimitive() && c.getAsJsonPrimitive().isString() ? c.getAsString() : null;
  }

  /** The property that every variant of a oneOf gives a distinct fixed string ({@link #fixedValue}), or null. */
  public static String discriminator(JsonArray oneOf) {
    Set<String> candidates = null;
    for (JsonElement element : oneOf) {
      JsonObject variant = element.getAsJsonObject();
      Set<String> consts = new LinkedHashSet<>();
      if (variant.has("properties")) {
        for (Map.Entry<String, JsonElement> p : variant.getAsJsonObject("properties").entrySet()) {
          if (fixedValue(p.getValue().getAsJsonObject()) != null) {
            consts.add(p.getKey());
          }
        }
      }
      if (candidates == null) {
        candidates = consts;
      } else {
        candidates.retainAll(consts);
      }
    }
    if (candidates == null) {
      return null;
    }
    for (String candidate : candidates) {
      Set<String> values = new LinkedHashSet<>();
      for (JsonElement element : oneOf) {
        values.add(fixedValue(element.getAsJsonObject().getAsJsonObject("properties").getAsJsonObject(candidate)));
      }
      if (values.size() == oneOf.size()) {
        return candidate;
      }
    }
    return null;
  }

  private static void compareEnum(String path, JsonObject a, JsonObject b, List<Change> changes) {
    if (a.has("const") || b.has("const")) {
      return; // a const's one-value enum is reported as the const
    }
    Set<String> before = texts(a.get("enum"));
    Set<String> after = texts(b.get("enum"));
    if (before.equals(after)) {
      return;
    }
    if (before.isEmpty() || after.isEmpty()) {
      changes.add(new Change(!after.isEmpty(), at(path), after.isEmpty() ? "enum removed" : "enum added " + after));
      return;
    }
    Set<String> removed = new LinkedHashSet<>(before);
    removed.removeAll(after);
    Set<String> added = new LinkedHashSet<>(after);
    added.removeAll(before);
    if (!removed.isEmpty()) {
      changes.add(new Change(true, at(path), "enum values removed " + removed));
    }
    if (!added.isEmpty()) {
      changes.add(new Change(false, at(path), "enum values added " + added));
    }
  }

  /** A lower bound ({@code lower}) breaks when it rises or appears, an upper one when it falls or appears. */
  private static void compareBound(String path, String keyword, JsonObject a, JsonObject b, boolean lower,
      List<Change> changes) {
    JsonElement before = a.get(keyword);
    JsonElement after = b.get(keyword);
    if (Objects.equals(before, after)) {
      return;
    }
    boolean breaking;
    if (after == null) {
      breaking = false;
    } else if (before == null) {
      breaking = true;
    } else {
      int cmp = new BigDecimal(after.getAsString()).compareTo(new BigDecimal(before.getAsString()));
      breaking = lower ? cmp > 0 : cmp < 0;
    }
    changes.add(new Change(breaking, at(path), keyword + " " + text(before) + " -> " + text(after)));
  }

  private static int fieldCount(JsonObject schema) {
    int count = 0;
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonElement> p : schema.getAsJsonObject("properties").entrySet()) {
        count += 1 + fieldCount(p.getValue().getAsJsonObject());
      }
    }
    if (schema.has("oneOf")) {
      for (JsonElement variant : schema.getAsJsonArray("oneOf")) {
        count += fieldCount(variant.getAsJsonObject());
      }
    }
    JsonObject items = objectOrNull(schema.get("items"));
    return items == null ? count : count + fieldCount(items);
  }

  private static JsonObject objectOrNull(JsonElement element) {
    return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
  }

  private static Set<String> strings(JsonElement element) {
    Set<String> result = new LinkedHashSet<>();
    if (element != null && element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> result.add(e.getAsString()));
    }
    return result;
  }

  private static Set<String> texts(JsonElement element) {
    Set<String> result = new LinkedHashSet<>();
    if (element != null && element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> result.add(text(e)));
    }
    return result;
  }

  private static String text(JsonElement element) {
    if (element == null || element instanceof JsonNull) {
      return "(none)";
    }
    return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString() ? element.getAsString()
        : element.toString();
  }

  private static String at(String path) {
    return path.isEmpty() ? "(configuration)" : path;
  }
}
