package io.github.airbytejava.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hand-written classes, the floors' models: what plain Gson binds by reflection. */
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

  /** A page of jobs. */
  static final class JobsPage {
    List<Job> data;
    String next;
    String previous;
  }

  /** One job (status and type as the strings they are on the wire). */
  static final class Job {
    Long jobId;
    String status;
    String jobType;
    String startTime;
    UUID connectionId;
    String lastUpdatedAt;
    String duration;
    Long bytesSynced;
    Long rowsSynced;
  }

  /** The body of creating a source. */
  static final class SourceCreate {
    String name;
    UUID definitionId;
    UUID workspaceId;
    Map<String, Object> configuration;
  }
}
