package io.github.airbytejava.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hand-written classes for a sources page, the floor's models: what plain Gson binds by reflection. */
final class PlainModels {
  private PlainModels() {}

  /** A page of sources. */
  static final class Page {
    List<Source> data;
    String next;
    String previous;
  }

  /** One source. */
  static final class Source {
    UUID sourceId;
    String name;
    String sourceType;
    UUID definitionId;
    UUID workspaceId;
    Long createdAt;
    Map<String, Object> configuration;
  }
}
