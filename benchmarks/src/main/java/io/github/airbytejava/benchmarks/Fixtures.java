package io.github.airbytejava.benchmarks;

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
}
