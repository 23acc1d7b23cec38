package io.github.airbytejava.faultsuite;

import java.util.UUID;

/** Ids and well-formed bodies of the operations under test, shaped as the spec and the real server shape them. */
final class Fixtures {
  static final UUID WORKSPACE = UUID.fromString("5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6");
  static final UUID SOURCE = UUID.fromString("0c31738c-0b2d-4887-b506-e2cd1c39cc35");
  static final UUID SOURCE_2 = UUID.fromString("1b1a47d4-3d7c-4e5b-9a1f-2f3c4d5e6f70");
  static final UUID DEFINITION = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  static final UUID DESTINATION = UUID.fromString("e478de0d-a3a0-475c-b019-25f7dd29e281");
  static final UUID CONNECTION = UUID.fromString("9924bcd0-99be-453d-ba47-c2c9766f7da5");
  static final UUID CONNECTION_2 = UUID.fromString("a7c1d2e3-f405-4a6b-8c9d-0e1f2a3b4c5d");
  static final long JOB = 4242L;
  static final long JOB_2 = 4243L;

  private Fixtures() {}

  static String source(UUID id, String name) {
    return "{\"sourceId\":\"" + id + "\",\"name\":\"" + name + "\",\"sourceType\":\"postgres\","
        + "\"definitionId\":\"" + DEFINITION + "\",\"workspaceId\":\"" + WORKSPACE + "\","
        + "\"configuration\":{\"sourceType\":\"postgres\",\"host\":\"db.internal\",\"port\":5432,"
        + "\"database\":\"app\",\"username\":\"airbyte\",\"password\":\"**********\",\"ssl_mode\":{\"mode\":\"require\"},"
        + "\"replication_method\":{\"method\":\"CDC\",\"initial_waiting_seconds\":300},\"schemas\":[\"public\",\"audit\"]},"
        + "\"createdAt\":1764324000,"
        + "\"resourceAllocation\":{\"default\":{\"cpu_request\":\"0.5\",\"memory_limit\":\"2Gi\"},\"jobSpecific\":[]}}";
  }

  static String source() {
    return source(SOURCE, "Postgres production");
  }

  static String sources() {
    return page(source(), source(SOURCE_2, "Postgres replica"));
  }

  static String job(long id, String status) {
    return "{\"jobId\":" + id + ",\"status\":\"" + status + "\",\"jobType\":\"sync\","
        + "\"startTime\":\"2026-11-28T10:00:00Z\",\"connectionId\":\"" + CONNECTION + "\","
        + "\"lastUpdatedAt\":\"2026-11-28T10:05:12Z\",\"duration\":\"PT5M12S\",\"bytesSynced\":104857600,"
        + "\"rowsSynced\":250000}";
  }

  static String job() {
    return job(JOB, "running");
  }

  static String jobs() {
    return page(job(), job(JOB_2, "succeeded"));
  }

  static String connection(UUID id, String name) {
    return "{\"connectionId\":\"" + id + "\",\"name\":\"" + name + "\",\"sourceId\":\"" + SOURCE + "\","
        + "\"destinationId\":\"" + DESTINATION + "\",\"workspaceId\":\"" + WORKSPACE + "\",\"status\":\"active\","
        + "\"schedule\":{\"scheduleType\":\"cron\",\"cronExpression\":\"0 0 6 * * ? UTC\"},"
        + "\"nonBreakingSchemaUpdatesBehavior\":\"propagate_columns\",\"namespaceDefinition\":\"custom_format\","
        + "\"namespaceFormat\":\"${SOURCE_NAMESPACE}_raw\",\"prefix\":\"pg_\","
        + "\"configurations\":{\"streams\":[{\"name\":\"users\",\"syncMode\":\"incremental_deduped_history\","
        + "\"cursorField\":[\"updated_at\"],\"primaryKey\":[[\"id\"]]},"
        + "{\"name\":\"orders\",\"namespace\":\"public\",\"syncMode\":\"full_refresh_overwrite\"}]},"
        + "\"createdAt\":1764324000,\"tags\":[{\"tagId\":\"3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b\",\"name\":\"prod\","
        + "\"color\":\"FF5733\",\"workspaceId\":\"" + WORKSPACE + "\"}],\"statusReason\":\"\"}";
  }

  static String connection() {
    return connection(CONNECTION, "Postgres to warehouse");
  }

  static String connections() {
    return page(connection(), connection(CONNECTION_2, "Postgres to lake"));
  }

  /** A short page: the server still sets {@code next}, and {@code previous} is "" at offset 0. */
  static String page(String... items) {
    return "{\"previous\":\"\",\"next\":\"https://api.airbyte.com/v1/x?limit=100&offset=100\",\"data\":["
        + String.join(",", items) + "]}";
  }

  static String emptyPage() {
    return "{\"previous\":\"\",\"next\":\"\",\"data\":[]}";
  }
}
