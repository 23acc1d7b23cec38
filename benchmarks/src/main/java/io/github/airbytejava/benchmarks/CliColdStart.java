package io.github.airbytejava.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The CLI's cold start: the wall time of a whole {@code airbyte api GET /workspaces} process (the built launcher,
 * with its class-data-sharing archive and a warm token cache) against the cold-start floor ({@link ColdStart}'s
 * {@code floor}: a plain JVM making one OkHttp call), in turns against one loopback server; and the token requests
 * those CLI processes made (the cache is warmed by one uncounted run first).
 */
final class CliColdStart {
  /** Suite's table row. */
  interface Row {
    void add(String what, String cli, String floor, String ratio, String goal, Boolean met);
  }

  private CliColdStart() {}

  static void run(Row row, StringBuilder notes, Path out, int runs, String java, String classpath) throws Exception {
    Path launcher;
    try (Stream<Path> dists = Files.list(Paths.get("airbyte-cli", "target"))) {
      launcher = dists.map(d -> d.resolve("bin").resolve("airbyte")).filter(Files::isRegularFile).findFirst()
          .orElseThrow(() -> new IllegalStateException("airbyte-cli/target/airbyte-cli-*/bin/airbyte is missing:"
              + " benchmarks/run builds it"));
    }
    System.out.printf(Locale.ROOT, "%n== cli: %d processes each of `airbyte api GET /workspaces` and the floor%n",
        runs);
    Path home = Files.createTempDirectory(out, "cli-home");
    try (LoopbackServer server = LoopbackServer.start(100, 900)) {
      String url = server.baseUrl();
      List<String> cli = List.of("env", "HOME=" + home, "XDG_CONFIG_HOME=" + home.resolve("config"),
          "XDG_CACHE_HOME=" + home.resolve("cache"), "AIRBYTE_API_URL=" + url,
          "AIRBYTE_CLIENT_ID=" + LoopbackServer.CLIENT_ID, "AIRBYTE_CLIENT_SECRET=" + LoopbackServer.CLIENT_SECRET,
          "JAVA_HOME=" + System.getProperty("java.home"), "sh", launcher.toString(), "api", "GET", "/workspaces");
      List<String> floor = List.of(java, "-cp", classpath, ColdStart.class.getName(), "floor", url);
      wall(cli, out.resolve("cli-warm.log")); // fills the token cache (and the OS file cache), not counted
      wall(floor, out.resolve("cli-floor-warm.log"));
      long tokensBefore = server.tokenRequests();
      List<Double> cliMs = new ArrayList<>();
      List<Double> floorMs = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        floorMs.add(wall(floor, out.resolve("cli-floor-" + i + ".log")));
        cliMs.add(wall(cli, out.resolve("cli-" + i + ".log")));
      }
      long tokens = server.tokenRequests() - tokensBefore;
      double c = median(cliMs);
      double f = median(floorMs);
      row.add(String.format(Locale.ROOT, "CLI cold start: a whole `airbyte api GET /workspaces` process (launcher,"
          + " CDS archive, warm token cache) against the floor, wall time, median of %d", runs),
          String.format(Locale.ROOT, "%.0f ms", c), String.format(Locale.ROOT, "%.0f ms", f),
          String.format(Locale.ROOT, "%.2fx", c / f), "≤ 0.7x", c / f <= 0.7);
      row.add(String.format(Locale.ROOT, "CLI with a warm token cache: token requests made by those %d processes",
          runs), Long.toString(tokens), "", "", "0", tokens == 0);
      notes.append(String.format(Locale.ROOT, "- CLI cold start, every run (ms): cli %s; floor %s%n", cliMs, floorMs));
    }
  }

  private static double wall(List<String> command, Path log) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (exit != 0) throw new IllegalStateException(String.join(" ", command) + " failed: see " + log);
    return ms;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
