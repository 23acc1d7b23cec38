package io.github.airbytejava.benchmarks;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Many threads calling one client for a while: {@code AuthHarness BASE_URL MODE THREADS WARMUP_SECONDS SECONDS}.
 * Each thread calls {@code client.sources().getSource(id).execute()} (a small body, so that the cost of authentication
 * is not hidden by parsing) in a loop.
 *
 * <p>MODE {@code clientCredentials} authenticates with client id and secret against the server's token endpoint;
 * {@code fixed} sends a static bearer token; {@code paired} runs both at once, THREADS threads each, so that both see
 * the same machine at the same moment: on a shared machine whose speed drifts by tens of percent within a minute,
 * their ratio is the one that can be trusted. Each client has its own OkHttp client with a connection pool sized for
 * its threads (the default keeps 5 idle connections, and 64 threads would keep opening new ones, in every mode).
 *
 * <p>Prints {@code MEASURE START} and {@code MEASURE END} around the measured window, so that the parent, which runs
 * the server, can read its own counters at the same moments; then {@code RESULT {...}}.
 */
public final class AuthHarness {
  private AuthHarness() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String mode = args[1];
    int threads = Integer.parseInt(args[2]);
    double warmupSeconds = Double.parseDouble(args[3]);
    double seconds = Double.parseDouble(args[4]);

    List<Caller> callers = new ArrayList<>();
    if (!mode.equals("fixed")) callers.add(new Caller("clientCredentials", baseUrl, threads, true));
    if (!mode.equals("clientCredentials")) callers.add(new Caller("fixed", baseUrl, threads, false));
    AtomicBoolean stop = new AtomicBoolean();
    for (Caller caller : callers) caller.start(stop);

    Thread.sleep((long) (warmupSeconds * 1000));
    for (Caller caller : callers) caller.mark();
    long start = System.nanoTime();
    System.out.println("MEASURE START");
    System.out.flush();
    Thread.sleep((long) (seconds * 1000));
    long elapsed = System.nanoTime() - start;
    for (Caller caller : callers) caller.mark();
    System.out.println("MEASURE END");
    System.out.flush();
    stop.set(true);
    for (Caller caller : callers) caller.close();

    StringBuilder json = new StringBuilder("{\"seconds\":").append(String.format(Locale.ROOT, "%.3f", elapsed / 1e9));
    for (Caller caller : callers) {
      json.append(",\"").append(caller.name).append("\":").append(caller.json(elapsed));
    }
    System.out.println("RESULT " + json.append('}'));
  }

  /** One client and its threads. */
  private static final class Caller {
    final String name;
    final OkHttpClient http;
    final AirbyteClient client;
    final int threadCount;
    final List<Thread> threads = new ArrayList<>();
    final LongAdder calls = new LongAdder();
    final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    /** Calls, token requests and 401s seen by the client, at the start and the end of the measured window. */
    final List<long[]> marks = new ArrayList<>();

    Caller(String name, String baseUrl, int threadCount, boolean clientCredentials) {
      this.name = name;
      this.threadCount = threadCount;
      http = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(threadCount, 5, TimeUnit.MINUTES))
          .build();
      client = AirbyteClient.builder()
          .baseUrl(baseUrl)
          .okHttpClient(http)
          .credentials(clientCredentials
              ? Credentials.clientCredentials(LoopbackServer.CLIENT_ID, LoopbackServer.CLIENT_SECRET)
              : Credentials.bearerToken(LoopbackServer.STATIC_TOKEN))
          .build();
    }

    void start(AtomicBoolean stop) {
      UUID sourceId = new UUID(0x5eedL, 7);
      for (int i = 0; i < threadCount; i++) {
        Thread thread = new Thread(() -> {
          while (!stop.get()) {
            try {
              client.sources().getSource(sourceId).execute();
              calls.increment();
            } catch (Exception e) {
              failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()),
                  k -> new AtomicLong()).incrementAndGet();
            }
          }
        }, name + "-" + i);
        threads.add(thread);
        thread.start();
      }
    }

    void mark() {
      long[] auth = authCounters(client);
      marks.add(new long[] {calls.sum(), auth[0], auth[1]});
    }

    void close() throws InterruptedException {
      for (Thread thread : threads) thread.join(60_000);
      client.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }

    String json(long elapsedNanos) {
      long[] before = marks.get(0);
      long[] after = marks.get(1);
      StringBuilder failed = new StringBuilder("{");
      failures.forEach((what, count) -> failed.append(failed.length() > 1 ? "," : "").append('"')
          .append(what.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(count.get()));
      return String.format(Locale.ROOT, "{\"calls\":%d,\"callsPerSecond\":%.1f,\"clientTokenRequests\":%d,"
              + "\"clientUnauthorized\":%d,\"failures\":%s}", after[0] - before[0],
          (after[0] - before[0]) / (elapsedNanos / 1e9), after[1] < 0 ? -1 : after[1] - before[1],
          after[2] < 0 ? -1 : after[2] - before[2], failed.append('}'));
    }
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() <= 120 ? line : line.substring(0, 120);
  }

  /**
   * The client's own counts, {@code AuthInterceptor.tokenRequestCount()} and {@code unauthorizedResponseCount()}
   * (token requests made, 401s seen), or -1 each when they cannot be reached: the interceptor is internal, so it is
   * read by reflection, as a cross-check of the server's counts.
   */
  static long[] authCounters(AirbyteClient client) {
    try {
      Field wiringField = AirbyteClient.class.getDeclaredField("wiring");
      wiringField.setAccessible(true);
      Object wiring = wiringField.get(client);
      Field authField = wiring.getClass().getDeclaredField("auth");
      authField.setAccessible(true);
      Object auth = authField.get(wiring);
      Method tokens = auth.getClass().getMethod("tokenRequestCount");
      Method unauthorized = auth.getClass().getMethod("unauthorizedResponseCount");
      return new long[] {(Long) tokens.invoke(auth), (Long) unauthorized.invoke(auth)};
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }
}
