package io.github.airbytejava.cli;

import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.NotFoundException;
import io.github.airbytejava.SyncTimeoutException;
import io.github.airbytejava.connectors.InvalidConfigurationException;
import io.github.airbytejava.provisioning.Problem;
import io.github.airbytejava.provisioning.ProvisioningException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The {@code airbyte} command. Only the command asked for is built (each command's model costs start-up time); help,
 * completion and unknown commands get all of them.
 */
public final class Main {
  /** Global options that take a value, to find the command word after them. */
  private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--context", "--url", "--client-id", "-w",
      "--workspace", "-o", "--output", "--query");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.in, System.out, System.err, System.console() != null);
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. Output goes to {@code out}, diagnostics to {@code err}. */
  static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
      boolean terminal) {
    PrintWriter stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    AirbyteCommand top = new AirbyteCommand();
    try (Session session = new Session(env, in, stdout, stderr, terminal, top)) {
      CommandLine commandLine = new CommandLine(top);
      Map<String, Function<Session, CommandLine>> commands = commands();
      String word = commandWord(args);
      if (word != null && commands.containsKey(word) && !word.equals("help") && !word.equals("completion")) {
        commandLine.addSubcommand(word, commands.get(word).apply(session));
      } else {
        commands.forEach((name, factory) -> commandLine.addSubcommand(name, factory.apply(session)));
      }
      commandLine.setOut(stdout).setErr(stderr)
          .setCaseInsensitiveEnumValuesAllowed(true)
          .setParameterExceptionHandler((e, argv) -> {
            String where = e.getCommandLine().getCommandSpec().qualifiedName();
            stderr.println(where + ": " + usageMessage(e) + " (see: " + where + " --help)");
            return ExitCodes.USAGE;
          })
          .setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, top.debug, stderr));
      int code = commandLine.execute(args);
      stdout.flush();
      return code;
    } catch (RuntimeException e) { // from building a command, or closing the client
      return failed(e, top.debug, stderr);
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  /** picocli's message, but for a mistyped word: which word, and the nearest commands or flags, as git does. */
  private static String usageMessage(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String word = unmatched.getUnmatched().get(0);
    List<String> near = unmatched.getSuggestions();
    String what = word.startsWith("-") ? "unknown flag '" + word + "'"
        : e.getCommandLine().getSubcommands().isEmpty() ? "unexpected argument '" + word + "'"
        : "unknown command '" + word + "'";
    return near.isEmpty() ? what : what + "; did you mean " + String.join(" or ", near.subList(0,
        Math.min(3, near.size()))) + "?";
  }

  private static Map<String, Function<Session, CommandLine>> commands() {
    Map<String, Function<Session, CommandLine>> c = new LinkedHashMap<>();
    c.put("auth", AuthCommands::auth);
    c.put("context", AuthCommands::context);
    c.put("api", s -> new CommandLine(new ApiCommand(s)));
    for (Resource r : Resource.ALL) c.put(r.command(), s -> ResourceCommands.create(s, r));
    c.put("jobs", SyncCommands::jobs);
    c.put("sync", s -> new CommandLine(new SyncCommands.Sync(s)));
    c.put("plan", s -> new CommandLine(new ProvisioningCommands.PlanCommand(s)));
    c.put("apply", s -> new CommandLine(new ProvisioningCommands.ApplyCommand(s)));
    c.put("export", s -> new CommandLine(new ProvisioningCommands.ExportCommand(s)));
    c.put("connectors", ConnectorsCommands::connectors);
    c.put("fake", s -> new CommandLine(new FakeCommand(s)));
    c.put("doctor", s -> new CommandLine(new DoctorCommand(s)));
    c.put("completion", s -> new CommandLine(new CompletionCommand()));
    c.put("help", s -> new CommandLine(new CommandLine.HelpCommand()));
    c.put("__cds-training", s -> new CommandLine(new CdsTraining()));
    return c;
  }

  /** The first argument that is not a global option or its value: the command. */
  private static String commandWord(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  /** One line on stderr and the exit code the failure deserves; the stack trace only with --debug. */
  static int failed(Exception e, boolean debug, PrintWriter err) {
    int code;
    String message;
    if (e instanceof CliException c) {
      code = c.exitCode();
      message = c.getMessage();
    } else if (e instanceof ProvisioningException p) {
      boolean inFiles = p.problems().stream().allMatch(problem -> problem.file() != null);
      code = inFiles ? ExitCodes.USAGE : ExitCodes.ERROR;
      StringBuilder text = new StringBuilder(p.problems().size() + (p.problems().size() == 1 ? " problem" : " problems"));
      for (Problem problem : p.problems()) text.append("\n  ").append(problem);
      message = text.toString();
    } else if (e instanceof InvalidConfigurationException) {
      code = ExitCodes.USAGE;
      message = e.getMessage();
    } else if (e instanceof NotFoundException) {
      code = ExitCodes.NOT_FOUND;
      message = e.getMessage();
    } else if (e instanceof SyncTimeoutException) {
      code = ExitCodes.TIMEOUT;
      message = e.getMessage();
    } else if (e instanceof AirbyteException a) {
      CliException translated = Api.translate(a);
      code = translated.exitCode();
      message = translated.getMessage();
    } else if (e instanceof IllegalArgumentException) {
      code = ExitCodes.USAGE;
      message = e.getMessage();
    } else {
      code = ExitCodes.ERROR;
      message = "internal error: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + " (run with --debug for details)";
    }
    err.println("airbyte: " + message);
    if (debug) e.printStackTrace(err);
    err.flush();
    return code;
  }
}
