package io.github.airbytejava.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command and the options every command takes (inherited by each subcommand). */
@Command(name = "airbyte", mixinStandardHelpOptions = true, versionProvider = AirbyteCommand.Version.class,
    description = "A command-line client for the Airbyte API (Cloud and self-managed).",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Examples:", "  airbyte auth login", "  airbyte sources list -o table",
        "  airbyte api /workspaces --query 'data[].name'", "  airbyte sync orders --wait",
        "", "Exit codes: 0 ok, 1 error, 2 plan has changes (--detailed-exitcode), 3 usage, 4 authentication,",
        "5 not found, 6 sync failed or cancelled, 7 timed out. See the README's CLI section."})
final class AirbyteCommand implements Runnable {
  @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Use this context instead of the current one (env AIRBYTE_CONTEXT).")
  String context;

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "API URL: https://api.airbyte.com/v1 (Cloud) or a self-managed host (env AIRBYTE_API_URL).")
  String url;

  @Option(names = "--client-id", scope = ScopeType.INHERIT, paramLabel = "ID",
      description = "Application client id (env AIRBYTE_CLIENT_ID); its secret comes from AIRBYTE_CLIENT_SECRET or the"
          + " context.")
  String clientId;

  @Option(names = {"-w", "--workspace"}, scope = ScopeType.INHERIT, paramLabel = "NAME|ID",
      description = "Workspace that names resolve in (env AIRBYTE_WORKSPACE; default: the context's).")
  String workspace;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "table, json, yaml, name or id (default: table on a terminal, json otherwise).")
  Output.Format output;

  @Option(names = "--query", scope = ScopeType.INHERIT, paramLabel = "EXPR",
      description = "A JMESPath expression that filters and reshapes the JSON output, e.g. 'data[].name'.")
  String query;

  @Option(names = "--internal-config-api", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "",
      paramLabel = "URL", description = "Also ask Airbyte's internal, unversioned Config API (why a sync failed, job"
          + " logs); its root is derived from the API URL, or given (http://HOST:8000/api/v1). Env"
          + " AIRBYTE_INTERNAL_CONFIG_API.")
  String internalConfigApi;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour (also when NO_COLOR is set).")
  boolean noColor;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print each HTTP call (method, path, status, time) on stderr.")
  boolean verbose;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures (never secrets).")
  boolean debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }

  /** The version from the jar's manifest (the build puts it there). */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      java.util.Properties properties = new java.util.Properties();
      try (java.io.InputStream in = AirbyteCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) properties.load(in);
      } catch (java.io.IOException e) {
        // an unreadable resource: the version is unknown, which --version says
      }
      return new String[] {"airbyte " + properties.getProperty("version", "(unknown version)") + " (Java "
          + Runtime.version() + ")"};
    }
  }
}
