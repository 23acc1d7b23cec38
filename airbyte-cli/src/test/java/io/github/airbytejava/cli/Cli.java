package io.github.airbytejava.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a real process, the built launcher ({@code target/airbyte-cli-VERSION/bin/airbyte}), in a home
 * directory of its own (HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME), so that nothing touches the real user's config.
 */
final class Cli {
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private static final String LAUNCHER = launcher();

  final Path home;
  final Map<String, String> env = new HashMap<>();

  Cli(Path home) {
    this.home = home;
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
  }

  /** The environment a user of the fake would export. */
  Cli pointedAt(io.github.airbytejava.testkit.FakeAirbyte fake) {
    env.putAll(fake.env());
    return this;
  }

  Path configFile() {
    return home.resolve("config/airbyte/config.json");
  }

  Path tokenDir() {
    return home.resolve("cache/airbyte/tokens");
  }

  Result run(String... args) {
    return runWithInput(null, args);
  }

  Result runWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("sh", LAUNCHER));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("airbyte " + String.join(" ", args) + " did not end in 120 s");
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Whether this machine has util-linux's script(1), which gives a command a pseudo-terminal. */
  static boolean canRunOnATerminal() {
    return Files.isExecutable(Path.of("/usr/bin/script"));
  }

  /**
   * Runs the CLI on a pseudo-terminal (util-linux's {@code script}), as a user at a shell does, and answers each
   * prompt when it appears, as a user types: an answer typed before the prompt would be echoed by the terminal
   * whatever the CLI does. The result's {@code out} is everything the terminal showed (stdout and stderr, and what
   * the terminal echoed of the answers).
   */
  Result runOnTerminal(List<Map.Entry<String, String>> promptsAndAnswers, String... args) {
    StringBuilder commandLine = new StringBuilder("sh ").append(quote(LAUNCHER));
    for (String arg : args) commandLine.append(' ').append(quote(arg));
    ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qefc", commandLine.toString(), "/dev/null");
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("SHELL", "/bin/sh");
    builder.environment().put("TERM", "dumb");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    StringBuffer shown = new StringBuffer();
    try {
      Process process = builder.start();
      Thread reader = new Thread(() -> {
        byte[] buffer = new byte[4096];
        try (var out = process.getInputStream()) {
          for (int n; (n = out.read(buffer)) >= 0; ) shown.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        } catch (IOException e) {
          shown.append("[reading the terminal failed: ").append(e).append(']');
        }
      });
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int from = 0;
      try (OutputStream in = process.getOutputStream()) {
        for (Map.Entry<String, String> step : promptsAndAnswers) {
          int at;
          while ((at = shown.indexOf(step.getKey(), from)) < 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
              process.destroyForcibly();
              throw new AssertionError("no prompt \"" + step.getKey() + "\" on the terminal:\n" + shown);
            }
            Thread.sleep(10);
          }
          from = at + step.getKey().length();
          in.write((step.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
          in.flush();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("airbyte " + String.join(" ", args) + " did not end in 60 s:\n" + shown);
        }
      }
      reader.join(10_000);
      return new Result(process.exitValue(), shown.toString().replace("\r\n", "\n"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private static String launcher() {
    Path launcher = Path.of("target", "airbyte-cli-" + System.getProperty("airbyte.version", "0.3.0"), "bin",
        "airbyte").toAbsolutePath();
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalStateException(launcher + " is missing: the tests run after the build made the distribution"
          + " (mvn verify)");
    }
    return launcher.toString();
  }
}
