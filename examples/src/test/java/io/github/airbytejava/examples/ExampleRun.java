package io.github.airbytejava.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One run of an example: its exit code and what it printed, including anything that bypassed its streams. */
record ExampleRun(int exitCode, String out, String err, String stray) {

  interface Example {
    int run(Map<String, String> env, PrintStream out, PrintStream err);
  }

  /** Runs {@code example}; System.out and System.err are captured too, to catch stack traces printed by a library. */
  static ExampleRun of(Example example, Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    PrintStream strayStream = new PrintStream(stray, true, StandardCharsets.UTF_8);
    System.setOut(strayStream);
    System.setErr(strayStream);
    int code;
    try {
      code = example.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
    // Not echoed: the tests assert on it, and a green build shows no "error:" lines (failures print it instead).
    return new ExampleRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        stray.toString(StandardCharsets.UTF_8));
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  List<String> outLines() {
    return out.lines().toList();
  }
}
