package io.github.airbytejava.benchmarks;

import com.google.gson.JsonObject;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.provisioning.ActorSpec;
import io.github.airbytejava.provisioning.ApplyResult;
import io.github.airbytejava.provisioning.ConnectionSpec;
import io.github.airbytejava.provisioning.ConnectionStatus;
import io.github.airbytejava.provisioning.Plan;
import io.github.airbytejava.provisioning.Provisioner;
import io.github.airbytejava.provisioning.ResourceChange;
import io.github.airbytejava.provisioning.Schedule;
import io.github.airbytejava.provisioning.WorkspaceState;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Provisioning at organization scale: 200 workspaces of 5 sources, 5 destinations and 5 connections each, planned
 * with nothing to change against the fake with a fixed 20 ms latency per request, with one request in flight and
 * with {@link #CONCURRENCY}; then a changed state applied (10 sources in 10 workspaces), counting the writes.
 *
 * <p>The parent ({@link #run}, called by {@link Suite}) runs the fake and counts requests; each client runs here, in
 * a JVM of its own with a 100 MB heap: {@code OrgScaleBenchmark seed|plan|change BASE_URL CLIENT_ID CLIENT_SECRET
 * ORGANIZATION_ID WORKSPACES [CONCURRENCY PLANS]}, printing {@code RESULT {...}}.
 */
public final class OrgScaleBenchmark {
  static final int WORKSPACES = 200;
  static final int PER_WORKSPACE = 5;
  static final int CONCURRENCY = 16;
  static final int CHANGED = 10;
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final String HEAP = "-Xmx100m";

  /** Where the suite's rows go: what, client, floor, ratio, goal, met. */
  interface Rows {
    void row(String what, String client, String floor, String ratio, String goal, Boolean met);
  }

  private OrgScaleBenchmark() {}

  // ------------------------------------------------------------------------------------------- the parent side

  static void run(Path out, boolean quick, Rows rows, StringBuilder notes) throws Exception {
    System.err.printf(Locale.ROOT, "[bench] org scale: %d workspaces x (%d sources, %d destinations, %d connections),"
        + " %d ms per request%n", WORKSPACES, PER_WORKSPACE, PER_WORKSPACE, PER_WORKSPACE, LATENCY.toMillis());
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    try (FakeAirbyte fake = FakeAirbyte.builder().conformance(false).start()) {
      List<String> base = List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
          OrgScaleBenchmark.class.getName());
      List<String> args = List.of(fake.baseUrl(), fake.clientId(), fake.clientSecret(),
          fake.defaultOrganizationId().toString(), Integer.toString(WORKSPACES));
      child(out.resolve("orgscale-seed.log"), base, "seed", args); // no latency: seeding is not measured

      fake.latency(LATENCY);
      int plans = quick ? 1 : 3;
      int before = fake.requests().size();
      JsonObject parallel = child(out.resolve("orgscale-plan.log"), base, "plan", args, CONCURRENCY, plans);
      List<ReceivedRequest> requests = withoutTokens(fake.requests().subList(before, fake.requests().size()));
      JsonObject serial = child(out.resolve("orgscale-plan-serial.log"), base, "plan", args, 1, 1);

      before = fake.requests().size();
      JsonObject changed = child(out.resolve("orgscale-change.log"), base, "change", args, CONCURRENCY, 1);
      List<ReceivedRequest> writes = withoutTokens(fake.requests().subList(before, fake.requests().size())).stream()
          .filter(r -> !r.method().equals("GET")).toList();

      int perPlan = requests.size() / (plans + 1); // the child plans once to warm up, then the timed plans
      boolean onlyLists = requests.stream().allMatch(r -> r.method().equals("GET")
          && !r.path().matches(".*/[0-9a-f-]{36}$"));
      long changes = parallel.get("changes").getAsLong();
      rows.row(String.format(Locale.ROOT, "Plan %d workspaces x (%d sources, %d destinations, %d connections), "
              + "nothing to change, %d ms per request: requests per plan", WORKSPACES, PER_WORKSPACE, PER_WORKSPACE,
              PER_WORKSPACE, LATENCY.toMillis()), String.format(Locale.ROOT, "%,d, all lists; %d changes", perPlan,
              changes), "", "", "only list requests", onlyLists && changes == 0);
      double fast = parallel.get("medianMillis").getAsDouble();
      double slow = serial.get("medianMillis").getAsDouble();
      rows.row("Same: time per plan, " + CONCURRENCY + " requests in flight vs 1 (median of " + plans + "; 1)",
          ms(fast), ms(slow), String.format(Locale.ROOT, "%.1fx faster", slow / fast), "≥ 5x faster",
          slow / fast >= 5);
      double heap = Math.max(parallel.get("peakHeapMb").getAsDouble(), serial.get("peakHeapMb").getAsDouble());
      rows.row("Same: peak heap of the planning JVM (run with " + HEAP + ")", String.format(Locale.ROOT,
          "%.0f MB", heap), "", "", "< 100 MB", heap < 100);
      long updates = changed.get("updates").getAsLong();
      rows.row(String.format(Locale.ROOT, "Apply a state with %d sources changed (in %d workspaces), then apply it "
              + "again: write requests", CHANGED, CHANGED), String.format(Locale.ROOT, "%d, then %d",
              writes.size() - changed.get("secondWrites").getAsLong(), changed.get("secondWrites").getAsLong()),
          "", "", "only what changed (" + CHANGED + " PATCH), then none",
          updates == CHANGED && writes.size() == CHANGED && changed.get("secondWrites").getAsLong() == 0
              && writes.stream().allMatch(r -> r.method().equals("PATCH")));
      Map<String, Integer> byPath = new TreeMap<>();
      for (ReceivedRequest r : requests) {
        byPath.merge(r.method() + " " + r.path(), 1, Integer::sum);
      }
      notes.append(String.format(Locale.ROOT, "- Org-scale planning requests (%d plans): %s; first plan %s with %d "
          + "in flight, %s with 1.%n", plans + 1, byPath, ms(parallel.get("firstMillis").getAsDouble()), CONCURRENCY,
          ms(serial.get("firstMillis").getAsDouble())));
    }
  }

  private static List<ReceivedRequest> withoutTokens(List<ReceivedRequest> requests) {
    return requests.stream().filter(r -> !r.path().endsWith("/applications/token")).toList();
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%,.0f ms", millis);
  }

  private static JsonObject child(Path log, List<String> base, String mode, List<String> args, Object... more)
      throws Exception {
    List<String> command = new ArrayList<>(base);
    command.add(mode);
    command.addAll(args);
    for (Object o : more) command.add(String.valueOf(o));
    Suite.Child child = Suite.Child.run(log, null, command.toArray(String[]::new));
    int exit = child.exitCode;
    JsonObject result = child.result;
    if (exit != 0 || result == null) {
      throw new IllegalStateException("the org-scale " + mode + " run failed, exit " + exit + ": see " + log);
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------- the client side

  public static void main(String[] args) {
    String mode = args[0];
    UUID organization = UUID.fromString(args[4]);
    int workspaces = Integer.parseInt(args[5]);
    int concurrency = args.length > 6 ? Integer.parseInt(args[6]) : CONCURRENCY;
    int plans = args.length > 7 ? Integer.parseInt(args[7]) : 1;
    try (AirbyteClient client = AirbyteClient.builder().baseUrl(args[1])
        .credentials(Credentials.clientCredentials(args[2], args[3])).build()) {
      Provisioner provisioner = Provisioner.builder(client).concurrency(concurrency).build();
      List<WorkspaceState> states = states(organization, workspaces, false);
      switch (mode) {
        case "seed" -> {
          ApplyResult result = provisioner.apply(provisioner.plan(states));
          if (!result.succeeded()) throw new IllegalStateException(result.summary());
          System.out.println("RESULT {\"applied\":" + result.applied().size() + "}");
        }
        case "plan" -> {
          List<Double> millis = new ArrayList<>();
          long changes = -1;
          for (int i = 0; i < plans + 1; i++) {
            long start = System.nanoTime();
            Plan plan = provisioner.plan(states);
            millis.add((System.nanoTime() - start) / 1e6);
            changes = plan.pending().size();
          }
          List<Double> timed = new ArrayList<>(millis.subList(1, millis.size()));
          Collections.sort(timed);
          System.out.printf(Locale.ROOT, "RESULT {\"changes\":%d,\"firstMillis\":%.1f,\"medianMillis\":%.1f,"
              + "\"peakHeapMb\":%.1f}%n", changes, millis.get(0), timed.get(timed.size() / 2), peakHeapMb());
        }
        case "change" -> {
          List<WorkspaceState> changed = states(organization, workspaces, true);
          Plan plan = provisioner.plan(changed);
          provisioner.apply(plan).orThrow();
          long updates = plan.count(ResourceChange.Action.UPDATE);
          // A second apply of the same state: nothing left to write (the parent counts the writes of both).
          Plan again = provisioner.plan(changed);
          provisioner.apply(again).orThrow();
          System.out.printf(Locale.ROOT, "RESULT {\"updates\":%d,\"secondWrites\":%d}%n", updates,
              again.pending().size());
        }
        default -> throw new IllegalArgumentException("mode: seed, plan or change, not " + mode);
      }
    }
  }

  private static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) bytes += pool.getPeakUsage().getUsed();
    }
    return bytes / 1024.0 / 1024.0;
  }

  /** Workspaces "org-scale-i", each with sources "source-j" (Faker), destinations (/dev/null), connections j to j. */
  static List<WorkspaceState> states(UUID organization, int workspaces, boolean changed) {
    List<WorkspaceState> states = new ArrayList<>();
    for (int w = 0; w < workspaces; w++) {
      WorkspaceState.Builder state = WorkspaceState.builder().workspaceName("org-scale-" + w)
          .organizationId(organization);
      for (int i = 0; i < PER_WORKSPACE; i++) {
        // The changed state: the first source of the first CHANGED workspaces reads more records.
        int count = 1000 + i + (changed && w < CHANGED && i == 0 ? 1 : 0);
        state.source(ActorSpec.source("source-" + i).connector("faker")
            .configuration(Map.of("count", count, "seed", i, "records_per_slice", 100)).build());
        state.destination(ActorSpec.destination("destination-" + i).connector("dev-null")
            .configuration(Map.of("test_destination", Map.of("test_destination_type", "SILENT"))).build());
        state.connection(ConnectionSpec.builder("connection-" + i, "source-" + i, "destination-" + i)
            .schedule(Schedule.cron("0 0 6 * * ?")).status(ConnectionStatus.ACTIVE).prefix("raw_").build());
      }
      states.add(state.build());
    }
    return states;
  }
}
