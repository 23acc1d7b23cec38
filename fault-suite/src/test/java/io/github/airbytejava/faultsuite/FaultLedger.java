package io.github.airbytejava.faultsuite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts the fault cases the suite tries and passes (a matrix cell, a fuzz case, a bad argument), and writes one
 * summary when the whole run ends: every test class registers this extension, which puts one closeable summary into
 * the root store; JUnit closes it after the last class. The summary goes to {@value #REPORT}, and to the console only
 * when a case failed, so that a green {@code -q} build prints nothing.
 */
final class FaultLedger implements BeforeAllCallback {
  static final String REPORT = "target/fault-suite-summary.txt";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultLedger.class);
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger PASSED = new AtomicInteger();
  /** Case id to the first line of what went wrong, sorted for a stable report. */
  private static final Map<String, String> FAILURES = new ConcurrentSkipListMap<>();

  static void passed(String caseId) {
    TRIED.incrementAndGet();
    PASSED.incrementAndGet();
  }

  static void failed(String caseId, Throwable why) {
    TRIED.incrementAndGet();
    String message = String.valueOf(why.getMessage());
    if (message.startsWith(caseId + ": ")) message = message.substring(caseId.length() + 2);
    int newline = message.indexOf('\n');
    FAILURES.put(caseId, newline < 0 ? message : message.substring(0, newline));
  }

  /** Adds a line to the report the run leaves in {@value #REPORT}; never fails a test. */
  static synchronized void report(String line) {
    try {
      Path report = Path.of(REPORT);
      Files.createDirectories(report.getParent());
      Files.writeString(report, line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The report is a convenience; the tests' verdicts do not depend on it.
    }
  }

  static String summary() {
    return String.format(Locale.ROOT, "fault-suite: %,d faults tried, %,d passed", TRIED.get(), PASSED.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Summary.class, Summary::startReport, Summary.class);
  }

  /** Printed once, when JUnit closes the root store at the end of the run. */
  static final class Summary implements AutoCloseable {
    private final AtomicBoolean printed = new AtomicBoolean();

    /** One run, one report: the previous run's is replaced. */
    static Summary startReport(Class<Summary> type) {
      try {
        Files.deleteIfExists(Path.of(REPORT));
      } catch (IOException e) {
        // An old report left behind is appended to; nothing depends on it.
      }
      return new Summary();
    }

    @Override
    public void close() {
      if (!printed.compareAndSet(false, true)) return;
      StringBuilder out = new StringBuilder(summary());
      List<Map.Entry<String, String>> failures = List.copyOf(FAILURES.entrySet());
      if (!failures.isEmpty()) {
        out.append(String.format(Locale.ROOT, "%nfault-suite: %,d failed:", failures.size()));
        for (Map.Entry<String, String> failure : failures) {
          out.append(System.lineSeparator()).append("  ").append(failure.getKey()).append(": ").append(failure.getValue());
        }
      }
      report(out.toString());
      if (!failures.isEmpty()) System.out.println(out);
    }
  }
}
