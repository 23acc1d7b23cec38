package io.github.airbytejava.benchmarks;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.provisioning.ActorSpec;
import io.github.airbytejava.provisioning.ConnectionSpec;
import io.github.airbytejava.provisioning.Plan;
import io.github.airbytejava.provisioning.Provisioner;
import io.github.airbytejava.provisioning.Schedule;
import io.github.airbytejava.provisioning.WorkspaceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Plans a workspace of {@code N} sources, {@code N} destinations and {@code N} connections that is already as
 * desired, against a fake Airbyte in the parent JVM (which counts the requests).
 *
 * <p>{@code PlanHarness BASE_URL CLIENT_ID CLIENT_SECRET N PLANS}: with {@code PLANS} 0, applies the state (creating
 * everything); else plans it {@code PLANS} times and prints {@code RESULT {...}} with the time of each plan (client
 * set-up excluded, the first plan fetches the token). The parent runs it once to seed, once with one plan to count
 * that plan's requests, then for the timings.
 */
public final class PlanHarness {
  private PlanHarness() {}

  public static void main(String[] args) {
    String baseUrl = args[0];
    int n = Integer.parseInt(args[3]);
    int plans = Integer.parseInt(args[4]);
    try (AirbyteClient client = AirbyteClient.builder().baseUrl(baseUrl)
        .credentials(Credentials.clientCredentials(args[1], args[2])).build()) {
      Provisioner provisioner = Provisioner.builder(client).build();
      WorkspaceState state = state(n);
      if (plans == 0) {
        if (!provisioner.apply(provisioner.plan(state)).succeeded()) throw new IllegalStateException("seeding failed");
        return;
      }
      List<Double> millis = new ArrayList<>();
      long changes = -1;
      for (int i = 0; i < plans; i++) {
        long start = System.nanoTime();
        Plan plan = provisioner.plan(state);
        millis.add((System.nanoTime() - start) / 1e6);
        changes = plan.pending().size();
      }
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      System.out.printf(java.util.Locale.ROOT, "RESULT {\"changes\":%d,\"firstMillis\":%.1f,\"medianMillis\":%.1f,"
          + "\"minMillis\":%.1f,\"plans\":%d}%n", changes, millis.get(0), sorted.get(sorted.size() / 2),
          sorted.get(0), plans);
    }
  }

  /** Sources "source-i" (Faker), destinations "destination-i" (/dev/null), connections i to i, daily at 06:00. */
  static WorkspaceState state(int n) {
    WorkspaceState.Builder state = WorkspaceState.builder().workspaceName("Default Workspace");
    for (int i = 0; i < n; i++) {
      state.source(ActorSpec.source("source-" + i).connector("faker")
          .configuration(Map.of("count", 1000 + i, "seed", i, "records_per_slice", 100)).build());
      state.destination(ActorSpec.destination("destination-" + i).connector("dev-null")
          .configuration(Map.of("test_destination", Map.of("test_destination_type", "SILENT"))).build());
      state.connection(ConnectionSpec.builder("connection-" + i, "source-" + i, "destination-" + i)
          .schedule(Schedule.cron("0 0 6 * * ?")).status("active").prefix("raw_").build());
    }
    return state.build();
  }
}
