package io.github.airbytejava.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON bodies shaped like Airbyte's, built once per benchmark. */
final class Fixtures {
  private Fixtures() {}

  /** One page of {@code count} sources with realistic connector configuration, starting at {@code offset}. */
  static String sourcesPage(int offset, int count, int limit, String nextUrl) {
    StringBuilder sb = new StringBuilder(count * 600 + 100).append("{\"data\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(',');
      int n = offset + i;
      sb.append("{\"sourceId\":\"").append(new UUID(0x5eedL, n)).append("\",")
          .append("\"name\":\"postgres-").append(n).append("\",")
          .append("\"sourceType\":\"postgres\",")
          .append("\"definitionId\":\"decd338e-5647-4c0b-adf4-da0e75f5a750\",")
          .append("\"workspaceId\":\"9e6f7a9c-3b7e-4b43-a7c8-2e4b1a8f0d11\",")
          .append("\"createdAt\":").append(1717969830000L + n).append(',')
          .append("\"configuration\":{\"host\":\"db-").append(n).append(".internal\",\"port\":5432,")
          .append("\"database\":\"analytics\",\"username\":\"airbyte\",\"password\":\"**********\",")
          .append("\"schemas\":[\"public\",\"sales\"],\"ssl_mode\":{\"mode\":\"require\"},")
          .append("\"replication_method\":{\"method\":\"CDC\",\"initial_waiting_seconds\":300}}}");
    }
    sb.append("],\"next\":\"").append(count == 0 ? "" : nextUrl).append("\",\"previous\":\"\"}");
    return sb.toString();
  }

  /** One page of {@code count} jobs, succeeded and running, as Airbyte writes them. */
  static String jobsPage(int count) {
    StringBuilder sb = new StringBuilder(count * 330 + 100).append("{\"data\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(',');
      boolean done = i % 4 != 0;
      sb.append("{\"jobId\":").append(4_000_000L + i).append(',')
          .append("\"status\":\"").append(done ? "succeeded" : "running").append("\",")
          .append("\"jobType\":\"sync\",")
          .append("\"startTime\":\"2026-11-").append(10 + i % 18).append("T0").append(i % 10).append(":30:50Z\",")
          .append("\"connectionId\":\"").append(new UUID(0xc0ffeeL, i % 7)).append("\",");
      if (done) {
        sb.append("\"lastUpdatedAt\":\"2026-11-").append(10 + i % 18).append("T1").append(i % 10).append(":37:02Z\",")
            .append("\"duration\":\"PT10H6M12S\",");
      }
      sb.append("\"bytesSynced\":").append(1_000_000_000L + 7919L * i).append(',')
          .append("\"rowsSynced\":").append(2_500_000L + 31L * i).append('}');
    }
    return sb.append("],\"next\":\"https://api.airbyte.com/v1/jobs?limit=100&offset=100\",\"previous\":\"\"}")
        .toString();
  }

  /** A connector configuration of 20 fields: strings, numbers, booleans, a list and nested objects. */
  static Map<String, Object> configuration20() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("host", "db-primary.internal.example.com");
    c.put("port", 5432L);
    c.put("database", "analytics");
    c.put("username", "airbyte");
    c.put("password", "c0rrect-horse-battery-staple");
    c.put("schemas", List.of("public", "sales", "marketing"));
    c.put("ssl_mode", Map.of("mode", "verify-full"));
    c.put("replication_method", new LinkedHashMap<>(Map.of("method", "CDC", "initial_waiting_seconds", 300L,
        "plugin", "pgoutput")));
    c.put("tunnel_method", Map.of("tunnel_method", "NO_TUNNEL"));
    c.put("jdbc_url_params", "connectTimeout=30&socketTimeout=600");
    c.put("check_privileges", true);
    c.put("queue_size", 10_000L);
    c.put("max_db_connections", 8L);
    c.put("entire_database_snapshot", false);
    c.put("heartbeat_action_query", "SELECT 1");
    c.put("publication", "airbyte_publication");
    c.put("replication_slot", "airbyte_slot");
    c.put("lsn_commit_behaviour", "After loading Data in the destination");
    c.put("sync_checkpoint_records", 50_000L);
    c.put("invalid_cdc_cursor_position_behavior", "Fail sync");
    return c;
  }
}
