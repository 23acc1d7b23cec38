package io.github.airbytejava.connectors.internal;

import com.google.gson.JsonParser;
import io.github.airbytejava.connectors.ActorType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors the build generated classes for, from resources the generator writes next to them: an index (one
 * line per connector) read on first use, and one schema file per connector read when that connector's schema is
 * first needed. Not API.
 */
public final class Catalog {
  static final String RESOURCES = "/io/github/airbytejava/connectors/facts/";

  /** One connector of the index. {@code definitionId} is null when the facts give none. */
  public record Entry(ActorType actorType, String slug, UUID definitionId, String name, String dockerRepository,
      boolean inServerNameMap, String className) {
  }

  private static final class Index {
    static final List<Entry> ENTRIES;
    static final Map<String, Entry> BY_SLUG = new HashMap<>();
    static final Map<UUID, Entry> BY_ID = new HashMap<>();

    static {
      List<Entry> entries = new ArrayList<>();
      try (InputStream in = Catalog.class.getResourceAsStream(RESOURCES + "index.tsv")) {
        if (in == null) {
          throw new IllegalStateException("airbyte-connectors: " + RESOURCES + "index.tsv is missing from the jar");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.readLine(); // header
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String[] c = line.split("\t", -1);
          Entry entry = new Entry(ActorType.fromWireName(c[0]), c[1], c[2].isEmpty() ? null : UUID.fromString(c[2]),
              c[3], c[4], Boolean.parseBoolean(c[5]), c[6]);
          entries.add(entry);
          BY_SLUG.put(c[0] + "/" + c[1], entry);
          if (entry.definitionId() != null) {
            BY_ID.put(entry.definitionId(), entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ENTRIES = Collections.unmodifiableList(entries);
    }
  }

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private Catalog() {
  }

  public static List<Entry> entries() {
    return Index.ENTRIES;
  }

  public static Entry find(ActorType actorType, String slug) {
    return Index.BY_SLUG.get(actorType.wireName() + "/" + slug);
  }

  public static Entry byDefinitionId(UUID definitionId) {
    return Index.BY_ID.get(definitionId);
  }

  /** The connector's schema, parsed once; null for a connector the index does not have. */
  public static Schema schema(ActorType actorType, String slug) {
    if (find(actorType, slug) == null) {
      return null;
    }
    return SCHEMAS.computeIfAbsent(actorType.wireName() + "/" + slug, key -> {
      try (InputStream in = Catalog.class.getResourceAsStream(RESOURCES + key + ".json")) {
        if (in == null) {
          throw new IllegalStateException("airbyte-connectors: " + RESOURCES + key + ".json is missing from the jar");
        }
        return Schema.parse(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The schema's JSON text, as the facts give it. */
  public static String schemaJson(ActorType actorType, String slug) {
    try (InputStream in = Catalog.class.getResourceAsStream(RESOURCES + actorType.wireName() + "/" + slug + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no schema for " + actorType.wireName() + " " + slug);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
