package io.github.airbytejava.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The time ratios of the generated models and the client against their floors, measured side by side:
 * {@code SideBySideHarness list BASE_URL ROUNDS} (listing 100 sources, the client against OkHttp + plain Gson) or
 * {@code SideBySideHarness json ROUNDS} (parsing a 100-source and a 100-job page and writing a source create request,
 * the generated models against plain Gson). Each round times the two in the order A, B, B, A, after as many rounds of
 * warm-up; JMH runs one benchmark after the other, and on a shared machine the load drifts between them, while
 * side by side it moves both alike. Prints {@code RESULT {...}} with the medians in nanoseconds per operation.
 */
public final class SideBySideHarness {
  private SideBySideHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, Long> medians = new LinkedHashMap<>();
    if (args[0].equals("list")) {
      ListSourcesBenchmark list = new ListSourcesBenchmark();
      list.baseUrl = args[1];
      list.setUp();
      compare(medians, "list", Integer.parseInt(args[2]), 1, list::client, list::floor);
      list.tearDown();
    } else {
      DeserializationBenchmark json = new DeserializationBenchmark();
      json.setUp();
      int rounds = Integer.parseInt(args[1]);
      compare(medians, "parseSources", rounds, 1, json::parse100Sources, json::parse100SourcesPlainGson);
      compare(medians, "parseJobs", rounds, 2, json::parse100Jobs, json::parse100JobsPlainGson);
      compare(medians, "serialize", rounds, 50, json::serializeSourceCreate, json::serializeSourceCreatePlainGson);
    }
    StringBuilder result = new StringBuilder("{");
    medians.forEach((name, nanos) -> result.append(result.length() > 1 ? "," : "").append('"').append(name)
        .append("\":").append(nanos));
    System.out.println("RESULT " + result.append('}'));
  }

  /** Medians of {@code name}Nanos (the generated side) and {@code name}FloorNanos, per operation. */
  private static void compare(Map<String, Long> medians, String name, int rounds, int batch, Callable<?> ours,
      Callable<?> floor) throws Exception {
    long[] oursNanos = new long[2 * rounds];
    long[] floorNanos = new long[2 * rounds];
    for (int pass = 0; pass < 2; pass++) { // the first pass warms up
      for (int i = 0; i < rounds; i++) {
        oursNanos[2 * i] = time(ours, batch);
        floorNanos[2 * i] = time(floor, batch);
        floorNanos[2 * i + 1] = time(floor, batch);
        oursNanos[2 * i + 1] = time(ours, batch);
      }
    }
    medians.put(name + "Nanos", median(oursNanos) / batch);
    medians.put(name + "FloorNanos", median(floorNanos) / batch);
  }

  private static long time(Callable<?> operation, int batch) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < batch; i++) {
      if (operation.call() == null) throw new IllegalStateException("no result");
    }
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
