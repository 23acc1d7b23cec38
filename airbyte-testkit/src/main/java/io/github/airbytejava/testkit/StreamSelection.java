package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A connection's {@code configurations} checked against its source's catalog and filled in as the server does
 * (AirbyteCatalogHelper): every problem is a 400 with the server's message, and the result is what reads answer.
 */
final class StreamSelection {

  /** The combined modes the server can map to and from its read and write modes (ConnectionReadMapper). */
  private static final Map<String, List<String>> MODES = Map.of(
      "full_refresh_overwrite", List.of("full_refresh", "overwrite"),
      "full_refresh_append", List.of("full_refresh", "append"),
      "full_refresh_overwrite_deduped", List.of("full_refresh", "overwrite_dedup"),
      "incremental_append", List.of("incremental", "append"),
      "incremental_deduped_history", List.of("incremental", "append_dedup"));
  private static final Set<String> ALL_MODES = Set.of("full_refresh_overwrite", "full_refresh_overwrite_deduped",
      "full_refresh_append", "full_refresh_update", "full_refresh_soft_delete", "incremental_append",
      "incremental_deduped_history", "incremental_update", "incremental_soft_delete");
  private static final Set<String> INCREMENTAL = Set.of("incremental_append", "incremental_deduped_history",
      "incremental_update", "incremental_soft_delete");
  private static final Set<String> NEEDS_KEY = Set.of("incremental_deduped_history", "full_refresh_overwrite_deduped",
      "incremental_update", "full_refresh_update");

  private StreamSelection() {
  }

  /** Whether a request's {@code configurations} selects streams at all (if not, the server picks them). */
  static boolean selectsStreams(JsonObject configurations) {
    if (configurations == null) {
      return false;
    }
    JsonArray streams = Json.arrayOrNull(configurations, "streams");
    return streams != null && !streams.isEmpty();
  }

  /** Without a selection, the server syncs every stream of the catalog, full refresh overwrite. */
  static JsonObject everyStream(List<FakeStream> catalog) {
    JsonArray streams = new JsonArray();
    for (FakeStream stream : catalog) {
      streams.add(configured(stream, "full_refresh_overwrite", stream.defaultCursorField(),
          stream.sourceDefinedPrimaryKey()));
    }
    JsonObject configurations = new JsonObject();
    configurations.add("streams", streams);
    return configurations;
  }

  /** The request's selection, checked and completed; {@link Json.BadRequest} for the first problem. */
  static JsonObject selected(JsonObject configurations, List<FakeStream> catalog, Set<String> destinationModes) {
    JsonArray out = new JsonArray();
    Set<List<String>> seen = new HashSet<>();
    for (JsonElement element : Json.arrayOrNull(configurations, "streams")) {
      if (!element.isJsonObject()) {
        throw new Json.BadRequest("Each of 'configurations.streams' must be a JSON object.");
      }
      JsonObject request = element.getAsJsonObject();
      String name = Json.requiredString(request, "name");
      String namespace = Json.string(request, "namespace");
      FakeStream stream = find(catalog, name, namespace);
      String syncMode = Json.string(request, "syncMode");
      if (syncMode != null) {
        Check.oneOf(syncMode, ALL_MODES, "syncMode");
      }
      List<String> cursorField = path(request, "cursorField");
      List<List<String>> primaryKey = paths(request, "primaryKey");
      checkSelectedFields(request, stream, syncMode, cursorField, primaryKey);
      checkModes(stream, name, syncMode, cursorField, primaryKey, destinationModes);
      if (!seen.add(java.util.Arrays.asList(name, namespace))) {
        throw new Json.BadRequest("Duplicate stream found in configuration for stream name [" + name
            + "] in namespace [" + namespace + "].");
      }
      String mode = syncMode == null ? "full_refresh_overwrite" : syncMode;
      boolean incremental = INCREMENTAL.contains(mode);
      boolean keyed = incremental || NEEDS_KEY.contains(mode) || mode.equals("full_refresh_soft_delete");
      JsonObject configured = configured(stream, mode,
          incremental ? chosenCursor(stream, cursorField) : stream.defaultCursorField(),
          keyed ? chosenKey(stream, primaryKey) : stream.sourceDefinedPrimaryKey());
      copyIfPresent(request, configured, "selectedFields");
      copyIfPresent(request, configured, "includeFiles");
      JsonArray mappers = Json.arrayOrNull(request, "mappers");
      if (mappers != null) {
        configured.add("mappers", withIds(mappers));
      }
      out.add(configured);
    }
    JsonObject result = new JsonObject();
    result.add("streams", out);
    return result;
  }

  private static JsonObject configured(FakeStream stream, String syncMode, List<String> cursorField,
      List<List<String>> primaryKey) {
    JsonObject json = new JsonObject();
    json.addProperty("name", stream.name());
    if (stream.namespace() != null) {
      json.addProperty("namespace", stream.namespace());
    }
    json.addProperty("syncMode", syncMode);
    json.add("cursorField", Json.GSON.toJsonTree(cursorField == null ? List.of() : cursorField));
    json.add("primaryKey", Json.GSON.toJsonTree(primaryKey == null ? List.of() : primaryKey));
    return json;
  }

  /** By name alone when that is unique, else by name and namespace. */
  private static FakeStream find(List<FakeStream> catalog, String name, String namespace) {
    List<FakeStream> byName = catalog.stream().filter(s -> s.name().equals(name)).toList();
    if (byName.size() == 1) {
      return byName.get(0);
    }
    List<FakeStream> both = byName.stream().filter(s -> Objects.equals(s.namespace(), namespace)).toList();
    if (both.size() == 1) {
      return both.get(0);
    }
    throw new Json.BadRequest((both.isEmpty() ? "No streams" : "Multiple streams") + " found with name [" + name
        + "] and namespace [" + namespace + "]. Please call the https://reference.airbyte.com/reference/"
        + "getstreamproperties endpoint to see the valid stream name and namespace combinations.");
  }

  private static void checkModes(FakeStream stream, String name, String syncMode, List<String> cursorField,
      List<List<String>> primaryKey, Set<String> destinationModes) {
    // No mode, or full refresh overwrite, is what the server falls back to and is not checked.
    if (syncMode == null || syncMode.equals("full_refresh_overwrite")) {
      return;
    }
    Set<String> valid = new LinkedHashSet<>();
    MODES.forEach((mode, parts) -> {
      boolean read = stream.syncModes().stream().anyMatch(m -> m.wire().equals(parts.get(0)));
      if (read && destinationModes.contains(parts.get(1))) {
        valid.add(mode);
      }
    });
    if (!valid.contains(syncMode)) {
      throw new Json.BadRequest("Cannot set sync mode to " + syncMode + " for stream " + name
          + ". Valid sync modes are: " + new java.util.TreeSet<>(valid));
    }
    if (INCREMENTAL.contains(syncMode)) {
      checkCursor(stream, cursorField);
    }
    if (syncMode.equals("incremental_deduped_history")) {
      checkKey(stream, primaryKey);
    }
  }

  private static void checkCursor(FakeStream stream, List<String> cursorField) {
    boolean given = cursorField != null && !cursorField.isEmpty();
    if (stream.sourceDefinedCursor()) {
      if (given && !new HashSet<>(cursorField).equals(new HashSet<>(stream.defaultCursorField()))) {
        throw new Json.BadRequest("Cursor Field " + cursorField + " is already defined by source for stream: "
            + stream.name() + ". Do not include a cursor field configuration for this stream.");
      }
    } else if (given) {
      if (!stream.fields().contains(cursorField)) {
        throw new Json.BadRequest("Invalid cursor field for stream: " + stream.name()
            + ". The list of valid cursor fields include: " + stream.fields() + ".");
      }
    } else if (stream.defaultCursorField().isEmpty()) {
      throw new Json.BadRequest("No default cursor field for stream: " + stream.name()
          + ". Please include a cursor field configuration for this stream.");
    }
  }

  private static void checkKey(FakeStream stream, List<List<String>> primaryKey) {
    boolean defined = !stream.sourceDefinedPrimaryKey().isEmpty();
    boolean given = primaryKey != null && !primaryKey.isEmpty();
    if (defined && given && !stream.sourceDefinedPrimaryKey().equals(primaryKey)) {
      throw new Json.BadRequest("Primary key for stream: " + stream.name() + " is already pre-defined. "
          + "Please remove the primaryKey or provide the value as " + stream.sourceDefinedPrimaryKey() + ".");
    }
    if (!defined && !given) {
      throw new Json.BadRequest("No default primary key for stream: " + stream.name()
          + ". Please include a primary key configuration for this stream.");
    }
    if (given) {
      for (List<String> key : primaryKey) {
        if (!stream.fields().contains(key)) {
          throw new Json.BadRequest("Invalid primary key for stream: " + stream.name()
              + ". The list of valid primary keys fields: " + stream.fields() + ".");
        }
        if (new HashSet<>(key).size() != key.size()) {
          throw new Json.BadRequest("Duplicate primary key detected for stream: " + stream.name()
              + ", please don't provide the same column more than once. Key: " + primaryKey);
        }
      }
    }
  }

  /** {@code selectedFields}: top-level fields of the stream only, no duplicates, the key and cursor included. */
  private static void checkSelectedFields(JsonObject request, FakeStream stream, String syncMode,
      List<String> cursorField, List<List<String>> primaryKey) {
    JsonArray selected = Json.arrayOrNull(request, "selectedFields");
    if (selected == null) {
      return;
    }
    Set<String> topLevel = new LinkedHashSet<>();
    stream.fields().forEach(f -> topLevel.add(f.get(0)));
    if (selected.isEmpty()) {
      throw new Json.BadRequest("No fields selected for stream " + stream.name()
          + ". The list of valid field names includes: " + topLevel + ".");
    }
    List<String> names = new ArrayList<>();
    for (JsonElement field : selected) {
      List<String> fieldPath = field.isJsonObject() ? path(field.getAsJsonObject(), "fieldPath") : null;
      if (fieldPath == null || fieldPath.isEmpty()) {
        throw new Json.BadRequest("Selected field path cannot be empty for stream:  " + stream.name() + ".");
      }
      if (fieldPath.size() > 1) {
        throw new Json.BadRequest("Nested field selection not supported for stream " + stream.name() + ".");
      }
      names.add(fieldPath.get(0));
    }
    Set<String> unique = new HashSet<>(names);
    if (unique.size() != names.size()) {
      throw new Json.BadRequest("Duplicate fields selected in configuration for stream: " + stream.name() + ".");
    }
    if (!topLevel.containsAll(unique)) {
      throw new Json.BadRequest("Invalid fields selected for stream " + stream.name()
          + ". The list of valid field names includes: " + topLevel + ".");
    }
    if (syncMode != null && NEEDS_KEY.contains(syncMode)) {
      List<List<String>> key = chosenKey(stream, primaryKey);
      if (key != null && !key.stream().allMatch(k -> k.isEmpty() || unique.contains(k.get(0)))) {
        throw new Json.BadRequest("Primary key fields are not selected properly for stream: " + stream.name()
            + ". Please include primary key(s) in the configuration for this stream.");
      }
    }
    if (syncMode != null && INCREMENTAL.contains(syncMode)) {
      List<String> cursor = chosenCursor(stream, cursorField);
      if (cursor != null && !cursor.isEmpty() && !unique.contains(cursor.get(0))) {
        throw new Json.BadRequest("Cursor field is not selected properly for stream: " + stream.name()
            + ". Please include the cursor field in selected fields for this stream.");
      }
    }
  }

  /** The source's cursor when it defines one, else the one asked for, else the source's suggestion. */
  private static List<String> chosenCursor(FakeStream stream, List<String> cursorField) {
    if (stream.sourceDefinedCursor() || cursorField == null || cursorField.isEmpty()) {
      return stream.defaultCursorField();
    }
    return cursorField;
  }

  /** The source's key when it defines one, else the one asked for. */
  private static List<List<String>> chosenKey(FakeStream stream, List<List<String>> primaryKey) {
    return stream.sourceDefinedPrimaryKey().isEmpty() ? primaryKey : stream.sourceDefinedPrimaryKey();
  }

  private static List<String> path(JsonObject object, String key) {
    JsonArray array = Json.arrayOrNull(object, key);
    if (array == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw new Json.BadRequest("'" + key + "' must be an array of strings.");
      }
      out.add(e.getAsString());
    }
    return out;
  }

  private static List<List<String>> paths(JsonObject object, String key) {
    JsonArray array = Json.arrayOrNull(object, key);
    if (array == null) {
      return null;
    }
    List<List<String>> out = new ArrayList<>();
    for (JsonElement e : array) {
      if (!e.isJsonArray()) {
        throw new Json.BadRequest("'" + key + "' must be an array of field paths (arrays of strings).");
      }
      JsonObject holder = new JsonObject();
      holder.add(key, e);
      out.add(path(holder, key));
    }
    return out;
  }

  private static void copyIfPresent(JsonObject from, JsonObject to, String key) {
    JsonElement value = from.get(key);
    if (value != null && !value.isJsonNull()) {
      to.add(key, value.deepCopy());
    }
  }

  /** Mappers as stored: each gets an id from the server when it has none. */
  private static JsonArray withIds(JsonArray mappers) {
    JsonArray out = new JsonArray();
    for (JsonElement mapper : mappers) {
      JsonElement copy = mapper.deepCopy();
      if (copy.isJsonObject() && !copy.getAsJsonObject().has("id")) {
        copy.getAsJsonObject().addProperty("id", UUID.randomUUID().toString());
      }
      out.add(copy);
    }
    return out;
  }
}
