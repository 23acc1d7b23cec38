package io.github.airbytejava.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.ReceivedRequest;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What {@code benchmarks/run} starts: every measurement, each in its own JVM, then one Markdown table.
 *
 * <p>This JVM only serves: the loopback servers run here, and every client (JMH forks, the pagination, the
 * authentication and the cold-start processes) runs in a JVM of its own, so that neither the server's allocations
 * nor its classes are counted against a client. Server-side counts (requests, token requests, 401s) are read here.
 *
 * <p>Arguments: {@code quick} (short runs, a smoke test of the whole harness), {@code --auth-seconds=N} (the
 * authentication run's measured duration, 30 by default), {@code --cold-runs=N} (10), {@code --only=list,surface,
 * parse,paginate,auth,cold,provision} (a subset). Writes logs and {@code results.md} to {@code benchmarks/target/bench/}.
 */
public final class Suite {
  private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CLASSPATH = System.getProperty("java.class.path");

  private final boolean quick;
  private final double authSeconds;
  private final int coldRuns;
  private final Set<String> only;
  private final Path out;
  private final List<String[]> rows = new ArrayList<>();
  private final StringBuilder notes = new StringBuilder();

  private Suite(boolean quick, double authSeconds, int coldRuns, Set<String> only, Path out) {
    this.quick = quick;
    this.authSeconds = authSeconds;
    this.coldRuns = coldRuns;
    this.only = only;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Double authSeconds = null;
    Integer coldRuns = null;
    Set<String> only = new HashSet<>(List.of("list", "surface", "parse", "paginate", "auth", "cold", "provision",
        "connectors", "jobdetails", "orgscale", "metrics", "cli"));
    Path out = Paths.get("benchmarks", "target", "bench");
    for (String arg : args) {
      if (arg.equals("quick")) quick = true;
      else if (arg.startsWith("--auth-seconds=")) authSeconds = Double.parseDouble(arg.substring(15));
      else if (arg.startsWith("--cold-runs=")) coldRuns = Integer.parseInt(arg.substring(12));
      else if (arg.startsWith("--only=")) only = new HashSet<>(Arrays.asList(arg.substring(7).split(",")));
      else if (arg.startsWith("--out=")) out = Paths.get(arg.substring(6));
      else throw new IllegalArgumentException("unknown argument: " + arg
          + " (quick, --auth-seconds=N, --cold-runs=N, --only=list,surface,parse,paginate,auth,cold,provision,"
          + "connectors,jobdetails,orgscale,metrics,cli, --out=DIR)");
    }
    Files.createDirectories(out);
    Suite suite = new Suite(quick, authSeconds != null ? authSeconds : quick ? 5 : 30,
        coldRuns != null ? coldRuns : quick ? 3 : 10, only, out);
    suite.run();
  }

  private void run() throws Exception {
    String loadBefore = loadAverage();
    Instant started = Instant.now();
    if (only.contains("list")) listSources();
    if (only.contains("surface")) surface();
    if (only.contains("parse")) parse();
    if (only.contains("paginate")) paginate();
    if (only.contains("auth")) auth();
    if (only.contains("cold")) coldStart();
    if (only.contains("provision")) provision();
    if (only.contains("connectors")) connectors();
    if (only.contains("jobdetails")) rows.addAll(JobDetailsBenchmark.suite(quick, out, JAVA, CLASSPATH));
    if (only.contains("orgscale")) OrgScaleBenchmark.run(out, quick, this::row, notes);
    if (only.contains("metrics")) metrics();
    if (only.contains("cli")) CliColdStart.run(this::row, notes, out, coldRuns, JAVA, CLASSPATH);
    String table = table();
    String header = String.format(Locale.ROOT, "Run %s (%s mode), %d s; %d CPUs, load average %s before, %s after;"
            + " JDK %s; client under test: %s. Each client in its own JVM against a loopback server in the parent"
            + " JVM. Medians; the machine is shared and noisy: compare ratios within one run.%n",
        started, quick ? "quick" : "full", (Instant.now().getEpochSecond() - started.getEpochSecond()),
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), System.getProperty("java.version"),
        wrapperJar());
    String report = header + "\n" + table + "\n" + notes;
    Files.writeString(out.resolve("results.md"), report);
    System.out.println(report);
  }

  // ---------------------------------------------------------------------------------------------------- listing

  private void listSources() throws Exception {
    progress("listing 100 sources, client and floors (side by side, then JMH -prof gc)");
    try (LoopbackServer server = LoopbackServer.start(100, 180)) {
      JsonObject sideBySide = sideBySide("list", server.baseUrl(), quick ? 1_000 : 5_000);
      Map<String, RunResult> results = jmh(ListSourcesBenchmark.class, "list", server.baseUrl());
      RunResult client = results.get("client");
      RunResult floor = results.get("floor");
      RunResult sameModels = results.get("floorGeneratedModels");
      if (sideBySide != null) {
        double clientUs = sideBySide.get("listNanos").getAsDouble() / 1000;
        double floorUs = sideBySide.get("listFloorNanos").getAsDouble() / 1000;
        row("List 100 sources: time per call (median, side by side); floor = OkHttp + plain Gson into hand-written "
            + "classes", us(clientUs), us(floorUs), ratio(clientUs / floorUs), "≤ 1.1x", clientUs / floorUs <= 1.1);
      }
      double clientBytes = alloc(client);
      double floorBytes = alloc(floor);
      row("List 100 sources: allocated per call (JMH)", kb(clientBytes), kb(floorBytes),
          ratio(clientBytes / floorBytes), "≤ 1.25x", clientBytes / floorBytes <= 1.25);
      double clientUs = p50(client);
      double sameUs = p50(sameModels);
      double sameBytes = alloc(sameModels);
      row("List 100 sources against the same call parsed into the generated models (the wrapper's own cost; JMH "
              + "p50, one after the other): time, allocated", us(clientUs) + ", " + kb(clientBytes),
          us(sameUs) + ", " + kb(sameBytes), ratio(clientUs / sameUs) + ", " + ratio(clientBytes / sameBytes),
          "none (information)", null);
      notes.append(String.format(Locale.ROOT, "- Listing, JMH (one benchmark after the other, drift included): p50 "
              + "client %s, floor %s; p90 client %s, floor %s; %,d requests served.%n", us(clientUs), us(p50(floor)),
          us(client.getPrimaryResult().getStatistics().getPercentile(90)),
          us(floor.getPrimaryResult().getStatistics().getPercentile(90)), server.requests()));
    }
  }

  /** {@link SideBySideHarness} in a JVM of its own; null (and a note) when it fails. */
  private JsonObject sideBySide(String what, String baseUrl, int rounds) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "-cp", CLASSPATH, SideBySideHarness.class.getName(), what));
    if (baseUrl != null) command.add(baseUrl);
    command.add(Integer.toString(rounds));
    Child child = Child.run(out.resolve("side-by-side-" + what + ".log"), null, command.toArray(new String[0]));
    if (child.result == null) {
      notes.append("- The side-by-side run (").append(what).append(") failed, exit ").append(child.exitCode)
          .append(": see ").append(child.log).append('\n');
    }
    return child.result;
  }

  /** The request object against the direct call, and deriving scoped clients (SurfaceBenchmark). */
  private void surface() throws Exception {
    progress("the request object against the direct call, and withOptions (JMH, -prof gc)");
    try (LoopbackServer server = LoopbackServer.start(100, 3600)) {
      int rounds = quick ? 2_000 : 10_000;
      Child interleaved = Child.run(out.resolve("surface-interleaved.log"), null, JAVA, "-cp", CLASSPATH,
          SurfaceHarness.class.getName(), server.baseUrl(), Integer.toString(rounds));
      if (interleaved.result != null) {
        double objectNs = interleaved.result.get("requestObjectNanos").getAsDouble();
        double directNs = interleaved.result.get("directNanos").getAsDouble();
        row(String.format(Locale.ROOT, "A call through the request object vs the same request sent directly (list"
                + " 100 sources; %,d calls each, interleaved, median)", 2 * rounds), us(objectNs / 1000),
            us(directNs / 1000), ratio(objectNs / directNs), "≤ 1.02x", objectNs / directNs <= 1.02);
      } else {
        notes.append("- The interleaved request-object run failed, exit ").append(interleaved.exitCode)
            .append(": see ").append(interleaved.log).append('\n');
      }
      Map<String, RunResult> results = jmh(SurfaceBenchmark.class, "surface", server.baseUrl());
      double objectUs = p50(results.get("requestObject"));
      double directUs = p50(results.get("direct"));
      double objectNoIo = p50(results.get("requestObjectNoIo"));
      double directNoIo = p50(results.get("directNoIo"));
      row("Same without I/O (a transport that sends nothing): the request object's own work (JMH p50)",
          String.format(Locale.ROOT, "%,.0f ns", objectNoIo), String.format(Locale.ROOT, "%,.0f ns", directNoIo),
          ratio(objectNoIo / directNoIo), "none (information)", null);
      notes.append(String.format(Locale.ROOT, "- Request object vs direct, one JMH benchmark after the other (drift"
          + " included): %s and %s p50.%n", us(objectUs), us(directUs)));
      double objectBytes = alloc(results.get("requestObject"));
      double directBytes = alloc(results.get("direct"));
      row("Same: allocated per call", kb(objectBytes), kb(directBytes), ratio(objectBytes / directBytes),
          "none (information)", null);
      double deriveNs = p50(results.get("withOptions"));
      row("Derive a scoped client: `withOptions(timeout, retries, header)` (p50)",
          String.format(Locale.ROOT, "%,.0f ns, %,.0f B", deriveNs, alloc(results.get("withOptions"))), "", "",
          "< 1 µs", deriveNs < 1000);
      double scopedUs = p50(results.get("scopedCall"));
      row("A call through a client derived for it vs the client's own (list 100 sources, p50)", us(scopedUs),
          us(objectUs), ratio(scopedUs / objectUs), "none (information)", null);
      long tokens = server.tokenRequests();
      int benchmarks = results.size(); // each benchmark's set-up makes one call
      row("Token requests during those benchmarks (every derived client shares the token cache)",
          Long.toString(tokens), "", "", "one per benchmark's set-up (" + benchmarks + "), none from derivations",
          tokens == benchmarks);
    }
  }

  private static double p50(RunResult result) {
    return result.getPrimaryResult().getStatistics().getPercentile(50);
  }

  private void parse() throws Exception {
    progress("the generated models' JSON against plain Gson: two pages parsed, a request written (side by side, then "
        + "JMH -prof gc)");
    JsonObject sideBySide = sideBySide("json", null, quick ? 500 : 3_000);
    Map<String, RunResult> results = jmh(DeserializationBenchmark.class, "parse", null);
    jsonRows("Parse a 100-source page (no HTTP)", sideBySide, "parseSources", results.get("parse100Sources"),
        results.get("parse100SourcesPlainGson"), 1.0, 1.2);
    jsonRows("Parse a 100-job page (no HTTP)", sideBySide, "parseJobs", results.get("parse100Jobs"),
        results.get("parse100JobsPlainGson"), null, null);
    jsonRows("Write a source create request with a 20-field configuration", sideBySide, "serialize",
        results.get("serializeSourceCreate"), results.get("serializeSourceCreatePlainGson"), 1.0, null);
  }

  /**
   * Time (side by side) and allocation (JMH) of one of the generated models' JSON operations against plain Gson;
   * a null goal: information only.
   */
  private void jsonRows(String what, JsonObject sideBySide, String name, RunResult generated, RunResult plain,
      Double timeGoal, Double allocGoal) {
    if (sideBySide != null) {
      double generatedUs = sideBySide.get(name + "Nanos").getAsDouble() / 1000;
      double plainUs = sideBySide.get(name + "FloorNanos").getAsDouble() / 1000;
      row(what + ": time (median, side by side); floor = plain Gson, hand-written classes", us(generatedUs),
          us(plainUs), ratio(generatedUs / plainUs), timeGoal == null ? "none (information)" : "≤ " + timeGoal + "x",
          timeGoal == null ? null : generatedUs / plainUs <= timeGoal);
    }
    double generatedBytes = alloc(generated);
    double plainBytes = alloc(plain);
    row(what + ": allocated (JMH)", kb(generatedBytes), kb(plainBytes), ratio(generatedBytes / plainBytes),
        allocGoal == null ? "none (information)" : "≤ " + allocGoal + "x",
        allocGoal == null ? null : generatedBytes / plainBytes <= allocGoal);
    notes.append(String.format(Locale.ROOT, "- %s, JMH (one benchmark after the other, drift included): %s, plain "
        + "Gson %s.%n", what, us(1e6 / p50(generated)), us(1e6 / p50(plain))));
  }

  private void connectors() throws Exception {
    progress("airbyte-connectors: a 100-source page with and without typed views, a Postgres validation (JMH)");
    Map<String, RunResult> results = jmh(ConnectorsBenchmark.class, "connectors", null);
    double plain = results.get("page100").getPrimaryResult().getStatistics().getPercentile(50);
    double typed = results.get("page100TypedViews").getPrimaryResult().getStatistics().getPercentile(50);
    row("Read a 100-source page (no HTTP) with a typed configuration view per source; floor = the page alone",
        us(typed), us(plain), ratio(typed / plain), "≤ 1.2x", typed / plain <= 1.2);
    double plainBytes = alloc(results.get("page100"));
    double typedBytes = alloc(results.get("page100TypedViews"));
    row("Same: allocated per page", kb(typedBytes), kb(plainBytes), ratio(typedBytes / plainBytes),
        "none (information)", null);
    double validate = results.get("validatePostgres").getPrimaryResult().getStatistics().getPercentile(50);
    row("Validate a Postgres source configuration (SSL, CDC and SSH tunnel variants)", us(validate), "", "",
        "< 50 µs", validate < 50);
  }

  /** The Spring Boot starter's Micrometer bridge, side by side with no listener (see MetricsHarness). */
  private void metrics() throws Exception {
    progress("the Micrometer listener against none, interleaved calls (list 100 sources)");
    try (LoopbackServer server = LoopbackServer.start(100, 3600)) {
      int rounds = quick ? 2_000 : 10_000;
      Child child = Child.run(out.resolve("metrics.log"), null, JAVA, "-cp", CLASSPATH, MetricsHarness.class.getName(),
          server.baseUrl(), Integer.toString(rounds));
      if (child.result == null) {
        notes.append("- The metrics run failed, exit ").append(child.exitCode).append(": see ").append(child.log)
            .append('\n');
        return;
      }
      double metered = child.result.get("meteredNanos").getAsDouble();
      double plain = child.result.get("plainNanos").getAsDouble();
      row(String.format(Locale.ROOT, "A call with the starter's Micrometer listener vs without a listener (list 100"
              + " sources; %,d calls each, interleaved, median; listener alone %,d ns per call)", 2 * rounds,
              child.result.get("listenerNanos").getAsLong()), us(metered / 1000), us(plain / 1000),
          ratio(metered / plain), "≤ 1.02x", metered / plain <= 1.02);
    }
  }

  private Map<String, RunResult> jmh(Class<?> benchmark, String name, String baseUrl) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(Pattern.quote(benchmark.getName()) + "\\.")
        .addProfiler(GCProfiler.class)
        .forks(1)
        .output(out.resolve("jmh-" + name + ".log").toString())
        .result(out.resolve("jmh-" + name + ".json").toString())
        .resultFormat(ResultFormatType.JSON);
    if (quick) {
      options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }
    if (baseUrl != null) options.param("baseUrl", baseUrl);
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, RunResult> byMethod = new LinkedHashMap<>();
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      String full = params.getBenchmark();
      byMethod.put(full.substring(full.lastIndexOf('.') + 1), result);
    }
    return byMethod;
  }

  private static String[] append(String[] command, String last) {
    String[] out = Arrays.copyOf(command, command.length + 1);
    out[command.length] = last;
    return out;
  }

  /** Bytes allocated per operation, the median of the measured iterations. */
  private static double alloc(RunResult result) {
    Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? Double.NaN : norm.getStatistics().getPercentile(50);
  }

  // ------------------------------------------------------------------------------------------------- pagination

  private void paginate() throws Exception {
    int pairs = quick ? 1 : 5;
    progress("streaming 100,000 sources with -Xmx64m (" + pairs + " runs each of the client and the floor, "
        + "alternating), then 99,950");
    // One after the other in alternating order: the machine's load drifts, and the medians see both alike.
    List<Double> clientTimes = new ArrayList<>();
    List<Double> floorTimes = new ArrayList<>();
    JsonObject client = null;
    JsonObject floor = null;
    for (int i = 0; i < pairs; i++) {
      for (String mode : i % 2 == 0 ? List.of("floor", "client") : List.of("client", "floor")) {
        JsonObject run = paginateRun(100_000, mode, i);
        if (mode.equals("client")) {
          if (client == null) client = run;
          clientTimes.add(run.get("seconds").getAsDouble());
        } else {
          if (floor == null) floor = run;
          floorTimes.add(run.get("seconds").getAsDouble());
        }
      }
    }
    JsonObject shortLast = paginateRun(99_950, "client", 0);
    long requests = client.get("requests").getAsLong();
    long shortRequests = shortLast.get("requests").getAsLong();
    boolean completes = client.get("exit").getAsInt() == 0 && client.get("items").getAsLong() == 100_000
        && client.get("outOfOrder").getAsLong() == 0;
    row("Stream 100,000 sources (`paginate().sources()`, -Xmx64m): items, requests",
        String.format(Locale.ROOT, "%,d items, %,d requests", client.get("items").getAsLong(), requests),
        String.format(Locale.ROOT, "%,d items, %,d requests", floor.get("items").getAsLong(),
            floor.get("requests").getAsLong()),
        "", "completes; 1,001 requests (1,000 full pages, then an empty one)", completes && requests == 1001);
    boolean shortCompletes = shortLast.get("exit").getAsInt() == 0 && shortLast.get("items").getAsLong() == 99_950
        && shortLast.get("outOfOrder").getAsLong() == 0;
    row("Stream 99,950 sources (last page short): items, requests",
        String.format(Locale.ROOT, "%,d items, %,d requests", shortLast.get("items").getAsLong(), shortRequests),
        "", "", "completes; 1,000 requests (stops after the short page)", shortCompletes && shortRequests == 1000);
    double clientSeconds = median(clientTimes);
    double floorSeconds = median(floorTimes);
    row("Stream 100,000 sources: time (JVM start-up excluded, client set-up included; median of " + pairs
            + ", alternating), peak heap",
        String.format(Locale.ROOT, "%.1f s, %s", clientSeconds, mb(client.get("peakHeapBytes").getAsLong())),
        String.format(Locale.ROOT, "%.1f s, %s", floorSeconds, mb(floor.get("peakHeapBytes").getAsLong())),
        ratio(clientSeconds / floorSeconds), "≤ 1.2x (floor: plain Gson into hand-written classes)",
        clientSeconds / floorSeconds <= 1.2);
  }

  private JsonObject paginateRun(long total, String mode, int run) throws Exception {
    try (LoopbackServer server = LoopbackServer.start(total, 180)) {
      Child child = Child.run(out.resolve("paginate-" + mode + "-" + total + "-" + run + ".log"), null,
          JAVA, "-Xmx64m", "-cp", CLASSPATH, PaginateHarness.class.getName(), server.baseUrl(), mode);
      JsonObject result = child.result != null ? child.result : new JsonObject();
      result.addProperty("requests", server.listRequests());
      result.addProperty("exit", child.exitCode);
      if (!result.has("items")) {
        result.addProperty("items", 0);
        result.addProperty("outOfOrder", 0);
        result.addProperty("seconds", Double.NaN);
        result.addProperty("peakHeapBytes", 0);
        notes.append("- Pagination (").append(mode).append(", ").append(total).append(") failed, exit ")
            .append(child.exitCode).append(": see ").append(child.log).append('\n');
      }
      return result;
    }
  }

  // --------------------------------------------------------------------------------------------- authentication

  private void auth() throws Exception {
    int threads = 64;
    int lifetime = 3;
    double warmup = quick ? 2 : 5;
    progress(String.format(Locale.ROOT, "authentication: %d threads for %.0f s (after %.0f s of warm-up): a fixed "
        + "header, client credentials (%d-second tokens), the fixed header again, then both at once", threads,
        authSeconds, warmup, lifetime));
    // Fixed before and after: on a shared machine the load drifts, and the mean of the two brackets it.
    JsonObject fixedBefore = authRun("fixed", "fixed-1", threads, warmup, lifetime);
    JsonObject credentialsRun = authRun("clientCredentials", "clientCredentials", threads, warmup, lifetime);
    JsonObject fixedAfter = authRun("fixed", "fixed-2", threads, warmup, lifetime);
    JsonObject paired = authRun("paired", "paired", threads, warmup, lifetime);
    JsonObject credentials = credentialsRun.getAsJsonObject("clientCredentials");

    // The client refreshes min(60 s, 20 % of the lifetime) before expiry, plus up to a quarter of that again at
    // random (airbyte-wrapper's TokenLifetime): for 3 s tokens, every 2.25 to 2.4 s.
    double earliest = lifetime * (1 - 0.20 * 1.25);
    double latest = lifetime * (1 - 0.20);
    double expected = authSeconds / ((earliest + latest) / 2);
    long tokens = credentialsRun.get("serverTokenRequests").getAsLong();
    long tokensTotal = credentialsRun.get("serverTokenRequestsTotal").getAsLong();
    long fixedTokens = fixedBefore.get("serverTokenRequestsTotal").getAsLong()
        + fixedAfter.get("serverTokenRequestsTotal").getAsLong();
    boolean tokensOk = tokens >= Math.floor(authSeconds / lifetime) && tokens <= Math.ceil(authSeconds / earliest) + 2;
    row(String.format(Locale.ROOT, "Auth, %d threads, %.0f s, %d-s tokens: token requests", threads, authSeconds,
            lifetime),
        String.format(Locale.ROOT, "%d in the %.0f s (client's own count: %s; one every %s); %d in the whole "
                + "%.0f s, warm-up and first token included", tokens, authSeconds,
            count(credentials.get("clientTokenRequests").getAsLong()), credentialsRun.get("meanInterval").getAsString(),
            tokensTotal, warmup + authSeconds),
        fixedTokens + " (fixed header)", "",
        String.format(Locale.ROOT, "≈ one per refresh: %.0f s / %.2f–%.2f s ≈ %.0f; never one per thread",
            authSeconds, earliest, latest, expected), tokensOk);
    long unauthorized = credentialsRun.get("serverUnauthorized").getAsLong();
    long unauthorizedTotal = credentialsRun.get("serverUnauthorizedTotal").getAsLong()
        + paired.get("serverUnauthorizedTotal").getAsLong();
    row("Auth: 401 responses (measured window; whole runs, the paired one included)",
        String.format(Locale.ROOT, "%d; %d (client's own count: %s)", unauthorized, unauthorizedTotal,
            count(credentials.get("clientUnauthorized").getAsLong())),
        String.format(Locale.ROOT, "%d; %d", fixedBefore.get("serverUnauthorized").getAsLong()
            + fixedAfter.get("serverUnauthorized").getAsLong(), fixedBefore.get("serverUnauthorizedTotal").getAsLong()
            + fixedAfter.get("serverUnauthorizedTotal").getAsLong()),
        "", "0", unauthorizedTotal == 0);
    double withAuth = credentials.get("callsPerSecond").getAsDouble();
    double before = fixedBefore.getAsJsonObject("fixed").get("callsPerSecond").getAsDouble();
    double after = fixedAfter.getAsJsonObject("fixed").get("callsPerSecond").getAsDouble();
    double withFixed = (before + after) / 2;
    double drift = Math.abs(before - after) / withFixed;
    row("Auth: throughput, one after the other (fixed: mean of the runs before and after)",
        String.format(Locale.ROOT, "%,.0f calls/s", withAuth),
        String.format(Locale.ROOT, "%,.0f calls/s (%,.0f, %,.0f)", withFixed, before, after),
        ratio(withAuth / withFixed), String.format(Locale.ROOT, "≥ 0.95x, but the two fixed runs differ by %.0f %%",
            drift * 100), drift > 0.05 ? null : withAuth / withFixed >= 0.95);
    double pairedAuth = paired.getAsJsonObject("clientCredentials").get("callsPerSecond").getAsDouble();
    double pairedFixed = paired.getAsJsonObject("fixed").get("callsPerSecond").getAsDouble();
    row(String.format(Locale.ROOT, "Auth: throughput, both clients at once (%d threads each, same moments: drift "
            + "cancels)", threads),
        String.format(Locale.ROOT, "%,.0f calls/s (%d token requests)", pairedAuth,
            paired.get("serverTokenRequests").getAsLong()),
        String.format(Locale.ROOT, "%,.0f calls/s", pairedFixed), ratio(pairedAuth / pairedFixed), "≥ 0.95x",
        pairedAuth / pairedFixed >= 0.95);
    for (JsonObject run : List.of(fixedBefore, credentialsRun, fixedAfter, paired)) {
      for (String caller : List.of("fixed", "clientCredentials")) {
        JsonObject result = run.getAsJsonObject(caller);
        if (result != null && result.getAsJsonObject("failures").size() > 0) {
          notes.append("- Auth (").append(run.get("run").getAsString()).append(", ").append(caller)
              .append(") call failures: ").append(result.get("failures")).append('\n');
        }
      }
    }
  }

  private JsonObject authRun(String mode, String name, int threads, double warmup, int lifetime) throws Exception {
    try (LoopbackServer server = LoopbackServer.start(100, lifetime)) {
      long[] marks = new long[6];
      Child child = Child.run(out.resolve("auth-" + name + ".log"), line -> {
        if (line.equals("MEASURE START")) {
          marks[0] = server.tokenRequests();
          marks[1] = server.unauthorized();
          marks[2] = System.nanoTime();
        } else if (line.equals("MEASURE END")) {
          marks[3] = server.tokenRequests();
          marks[4] = server.unauthorized();
          marks[5] = System.nanoTime();
        }
      }, JAVA, "-cp", CLASSPATH, AuthHarness.class.getName(), server.baseUrl(), mode, Integer.toString(threads),
          Double.toString(warmup), Double.toString(authSeconds));
      if (child.result == null) {
        throw new IllegalStateException("the authentication run (" + name + ") failed: see " + child.log);
      }
      JsonObject result = child.result;
      result.addProperty("run", name);
      result.addProperty("serverTokenRequests", marks[3] - marks[0]);
      result.addProperty("serverUnauthorized", marks[4] - marks[1]);
      result.addProperty("serverUnauthorizedTotal", server.unauthorized());
      result.addProperty("serverTokenRequestsTotal", server.tokenRequests());
      List<Long> issued = new ArrayList<>();
      for (long at : server.tokenIssuedAt) {
        if (at >= marks[2] && at <= marks[5]) issued.add(at);
      }
      result.addProperty("meanInterval", issued.size() < 2 ? "n/a" : String.format(Locale.ROOT, "%.2f s",
          (issued.get(issued.size() - 1) - issued.get(0)) / 1e9 / (issued.size() - 1)));
      StringBuilder intervals = new StringBuilder();
      for (int i = 1; i < issued.size(); i++) {
        intervals.append(intervals.length() > 0 ? ", " : "")
            .append(String.format(Locale.ROOT, "%.2f", (issued.get(i) - issued.get(i - 1)) / 1e9));
      }
      if (intervals.length() > 0) {
        notes.append("- Auth (").append(name).append("): seconds between token requests in the measured window: ")
            .append(intervals).append('\n');
      }
      return result;
    }
  }

  // ----------------------------------------------------------------------------------------------- provisioning

  /** Planning 500 sources, 500 destinations and 500 connections with nothing to change, against the fake. */
  private void provision() throws Exception {
    int n = 500;
    int plans = quick ? 3 : 10;
    progress(String.format(Locale.ROOT, "provisioning: plan %d sources, %d destinations, %d connections with "
        + "nothing to change, %d times, against the fake", n, n, n, plans));
    try (FakeAirbyte fake = FakeAirbyte.builder().conformance(false).start()) {
      String[] harness = {JAVA, "-cp", CLASSPATH, PlanHarness.class.getName(), fake.baseUrl(), fake.clientId(),
          fake.clientSecret(), Integer.toString(n)};
      if (Child.run(out.resolve("provision-seed.log"), null, append(harness, "0")).exitCode != 0) {
        throw new IllegalStateException("seeding the fake failed: see " + out.resolve("provision-seed.log"));
      }
      int before = fake.requests().size();
      Child once = Child.run(out.resolve("provision-once.log"), null, append(harness, "1"));
      List<ReceivedRequest> requests = fake.requests().subList(before, fake.requests().size()).stream()
          .filter(r -> !r.path().endsWith("/applications/token")).toList();
      Child child = Child.run(out.resolve("provision.log"), null, append(harness, Integer.toString(plans)));
      if (once.result == null || child.result == null) {
        throw new IllegalStateException("the provisioning run failed: see " + child.log);
      }
      Map<String, Integer> byPath = new TreeMap<>();
      for (ReceivedRequest r : requests) byPath.merge(r.method() + " " + r.path(), 1, Integer::sum);
      // A per-resource read or any write would have a path with an id in it, or a method other than GET.
      boolean onlyLists = requests.stream().allMatch(r -> r.method().equals("GET")
          && !r.path().matches(".*/(sources|destinations|connections)/[0-9a-f-]{36}$"));
      JsonObject result = child.result;
      long changes = result.get("changes").getAsLong();
      row(String.format(Locale.ROOT, "Plan %d sources, %d destinations, %d connections, nothing to change: requests",
              n, n, n), String.format(Locale.ROOT, "%d, all lists; %d changes", requests.size(), changes), "", "",
          "only list requests (about 15, paginated), no per-resource reads; 0 changes",
          onlyLists && changes == 0 && requests.size() <= 25);
      row("Same: time per plan (median of " + plans + "; first)", String.format(Locale.ROOT, "%.0f ms (%.0f ms)",
              result.get("medianMillis").getAsDouble(), result.get("firstMillis").getAsDouble()), "", "",
          "report", null);
      notes.append("- Provisioning plan requests: ").append(byPath).append('\n');
    }
  }

  // ------------------------------------------------------------------------------------------------- cold start

  private void coldStart() throws Exception {
    progress(String.format(Locale.ROOT, "cold start: %d processes each for the client and the floor, then class "
        + "loading and step timings", coldRuns));
    boolean haveTime = new File("/usr/bin/time").canExecute();
    try (LoopbackServer server = LoopbackServer.start(100, 180)) {
      String url = server.baseUrl();
      // One of each first, not counted: the OS file cache then holds the jars for both alike.
      coldRun("floor", url, haveTime, "warm-files");
      coldRun("client", url, haveTime, "warm-files");
      List<double[]> client = new ArrayList<>();
      List<double[]> floor = new ArrayList<>();
      for (int i = 0; i < coldRuns; i++) {
        floor.add(coldRun("floor", url, haveTime, Integer.toString(i)));
        client.add(coldRun("client", url, haveTime, Integer.toString(i)));
      }
      double clientWall = median(client, 0);
      double floorWall = median(floor, 0);
      row(String.format(Locale.ROOT, "Cold start, whole process (build + first call): wall time, median of %d",
              coldRuns),
          String.format(Locale.ROOT, "%.0f ms", clientWall), String.format(Locale.ROOT, "%.0f ms", floorWall),
          ratio(clientWall / floorWall), "≤ 1.3x", clientWall / floorWall <= 1.3);
      if (haveTime) {
        double clientRss = median(client, 1);
        double floorRss = median(floor, 1);
        row(String.format(Locale.ROOT, "Cold start: peak RSS, median of %d", coldRuns),
            String.format(Locale.ROOT, "%.0f MiB", clientRss / 1024), String.format(Locale.ROOT, "%.0f MiB",
                floorRss / 1024), ratio(clientRss / floorRss), "≤ 1.5x", clientRss / floorRss <= 1.5);
      }
      notes.append(String.format(Locale.ROOT, "- Cold start, inside the process (ms from main): client built %.0f,"
              + " first call done %.0f; floor built %.0f, first call done %.0f (medians).%n", median(client, 2),
          median(client, 3), median(floor, 2), median(floor, 3)));
      classLoading(url);
      steps(url);
    }
  }

  /** One process: {wall ms, max RSS KiB, built ms, first call ms}. */
  private double[] coldRun(String mode, String url, boolean haveTime, String tag) throws Exception {
    List<String> command = new ArrayList<>();
    if (haveTime) command.addAll(List.of("/usr/bin/time", "-v"));
    command.addAll(List.of(JAVA, "-cp", CLASSPATH, ColdStart.class.getName(), mode, url));
    Child child = Child.run(out.resolve("cold-" + mode + "-" + tag + ".log"), null, command.toArray(new String[0]));
    double wall = child.wallMillis;
    if (child.exitCode != 0 || child.result == null) {
      throw new IllegalStateException("cold start (" + mode + ") failed: see " + child.log);
    }
    Matcher rss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(child.output);
    return new double[] {wall, rss.find() ? Double.parseDouble(rss.group(1)) : Double.NaN,
        child.result.get("built").getAsDouble(), child.result.get("firstCall").getAsDouble()};
  }

  /** Classes loaded by each mode, by origin, from {@code -Xlog:class+load}. */
  private void classLoading(String url) throws Exception {
    Map<String, Map<String, Integer>> byMode = new LinkedHashMap<>();
    for (String mode : List.of("client", "floor")) {
      Path log = out.resolve("classload-" + mode + ".txt");
      Child.run(out.resolve("classload-" + mode + ".log"), null, JAVA, "-Xlog:class+load=info:file=" + log,
          "-cp", CLASSPATH, ColdStart.class.getName(), mode, url);
      Map<String, Integer> counts = new TreeMap<>();
      Pattern line = Pattern.compile("\\] (\\S+) source: (.*)$");
      for (String text : Files.readAllLines(log)) {
        Matcher m = line.matcher(text);
        if (!m.find()) continue;
        counts.merge(origin(m.group(1), m.group(2)), 1, Integer::sum);
        counts.merge("total", 1, Integer::sum);
      }
      byMode.put(mode, counts);
    }
    Set<String> origins = new TreeSet<>();
    byMode.values().forEach(counts -> origins.addAll(counts.keySet()));
    notes.append("\nClasses loaded by a cold start (`-Xlog:class+load`), by origin:\n\n| origin | client | floor |\n"
        + "|---|---|---|\n");
    for (String origin : origins) {
      notes.append("| ").append(origin).append(" | ").append(byMode.get("client").getOrDefault(origin, 0))
          .append(" | ").append(byMode.get("floor").getOrDefault(origin, 0)).append(" |\n");
    }
  }

  private static String origin(String className, String source) {
    if (className.startsWith("io.github.airbytejava.generated.model.")) {
      return className.contains("$") ? "generated models: nested (adapter factories, enums' adapters)"
          : "generated models";
    }
    if (className.startsWith("io.github.airbytejava.generated.")) return "generated invoker and APIs";
    if (className.startsWith("io.github.airbytejava.benchmarks.")) return "benchmark harness";
    if (className.startsWith("io.github.airbytejava.")) return "airbyte-wrapper";
    if (className.startsWith("com.google.gson.")) return "Gson";
    if (className.startsWith("okhttp3.")) return "OkHttp";
    if (className.startsWith("okio.")) return "Okio";
    if (className.startsWith("kotlin.")) return "Kotlin stdlib";
    if (source.startsWith("shared objects file")) return "JDK, from the CDS archive";
    if (source.startsWith("jrt:/")) return "JDK, loaded from jrt (not in the CDS archive)";
    if (source.contains(".jar")) return "other: " + source.replaceAll(".*/", "");
    // "source: java.lang.SecurityManager", "__JVM_LookupDefineClass__", ...: defined at run time
    return "generated at run time (lambdas, proxies)";
  }

  /** The step timings of {@link ColdStart}'s {@code -steps} modes, medians of 3 processes. */
  private void steps(String url) throws Exception {
    for (String mode : List.of("client-steps", "floor-steps")) {
      Map<String, List<Double>> steps = new LinkedHashMap<>();
      int runs = quick ? 1 : 3;
      for (int i = 0; i < runs; i++) {
        Child child = Child.run(out.resolve("cold-" + mode + "-" + i + ".log"), null,
            JAVA, "-cp", CLASSPATH, ColdStart.class.getName(), mode, url);
        if (child.result == null) throw new IllegalStateException(mode + " failed: see " + child.log);
        child.result.entrySet().forEach(e ->
            steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().getAsDouble()));
      }
      notes.append(String.format(Locale.ROOT, "%nCold start, %s, one step at a time (ms, median of %d):%n%n"
          + "| step | ms |%n|---|---|%n", mode.replace("-steps", ""), runs));
      steps.forEach((step, values) -> notes.append(String.format(Locale.ROOT, "| %s | %.0f |%n", step,
          median(values))));
    }
  }

  // -------------------------------------------------------------------------------------------------- reporting

  private void row(String what, String client, String floor, String ratio, String goal, Boolean met) {
    rows.add(new String[] {what, client, floor, ratio, goal, met == null ? "—" : met ? "yes" : "**no**"});
  }

  private String table() {
    StringBuilder table = new StringBuilder("| measurement | client | floor | ratio | goal | met? |\n"
        + "|---|---|---|---|---|---|\n");
    for (String[] row : rows) table.append("| ").append(String.join(" | ", row)).append(" |\n");
    return table.toString();
  }

  static String us(double micros) {
    return micros >= 10_000 ? String.format(Locale.ROOT, "%,.1f ms", micros / 1000)
        : micros < 10 ? String.format(Locale.ROOT, "%.2f µs", micros) : String.format(Locale.ROOT, "%,.0f µs", micros);
  }

  static String kb(double bytes) {
    return String.format(Locale.ROOT, "%,.1f KB", bytes / 1000);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB peak heap in use (garbage included)", bytes / 1048576.0);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  private static String count(long value) {
    return value < 0 ? "n/a" : Long.toString(value);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double median(List<double[]> runs, int index) {
    List<Double> values = new ArrayList<>();
    for (double[] run : runs) values.add(run[index]);
    return median(values);
  }

  private static void progress(String what) {
    System.err.println("[" + Instant.now().toString().substring(11, 19) + "] " + what + " ...");
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Paths.get("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String wrapperJar() {
    for (String entry : CLASSPATH.split(File.pathSeparator)) {
      if (entry.contains("airbyte-wrapper")) {
        File file = new File(entry);
        return entry.replace(System.getProperty("user.home"), "~").replaceAll(".*/target/bench/jars/", "") + " of "
            + Instant.ofEpochMilli(file.lastModified()).toString().substring(0, 19).replace('T', ' ') + " UTC";
      }
    }
    return "unknown";
  }

  /** A child JVM: its output goes to a log; the last {@code RESULT {...}} line is parsed. Shared by the benchmarks. */
  static final class Child {
    final Path log;
    final int exitCode;
    final String output;
    final JsonObject result;
    /** From starting the process to its exit. */
    final double wallMillis;

    private Child(Path log, int exitCode, String output, JsonObject result, double wallMillis) {
      this.wallMillis = wallMillis;
      this.log = log;
      this.exitCode = exitCode;
      this.output = output;
      this.result = result;
    }

    static Child run(Path log, Consumer<String> onLine, String... command) throws IOException, InterruptedException {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      StringBuilder output = new StringBuilder();
      JsonObject result = null;
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (onLine != null) onLine.accept(line);
          output.append(line).append('\n');
          if (line.startsWith("RESULT ")) result = JsonParser.parseString(line.substring(7)).getAsJsonObject();
        }
      }
      int exit = process.waitFor();
      double wallMillis = (System.nanoTime() - start) / 1e6;
      Files.writeString(log, String.join(" ", command) + "\n\n" + output);
      return new Child(log, exit, output.toString(), result, wallMillis);
    }
  }
}
