package io.github.airbytejava.cli;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.connectors.Connectors;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * What every command shares in one run: the environment, the streams, the global options, and (made on first use)
 * the config file, the settings resolved from flags, environment and config file (in that order), the client and
 * the output.
 */
final class Session implements AutoCloseable {
  /** Where a setting came from, for auth status and doctor. */
  record Settings(String contextName, Config.Context context, String url, String clientId, String clientSecret,
      String accessToken, String workspace, String source) {
    boolean hasCredentials() {
      return (clientId != null && clientSecret != null) || accessToken != null;
    }

    @Override
    public String toString() { // never the secret or the token
      return "Settings{context=" + contextName + ", url=" + url + ", clientId=" + clientId + ", source=" + source + "}";
    }
  }

  final Map<String, String> env;
  final InputStream stdin;
  final PrintWriter out;
  final PrintWriter err;
  final boolean terminal;
  final AirbyteCommand globals;

  private Config config;
  private Settings settings;
  private AirbyteClient client;
  private Output output;
  private Api api;
  /** The workspace resolved once per run: a name costs a list. */
  private UUID workspaceId;

  Session(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err, boolean terminal,
      AirbyteCommand globals) {
    this.env = env;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.globals = globals;
  }

  Config config() {
    if (config == null) config = Config.load(env);
    return config;
  }

  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Flags, then environment variables, then the context in the config file. */
  Settings settings() {
    if (settings != null) return settings;
    String contextName = globals.context != null ? globals.context : env("AIRBYTE_CONTEXT");
    Config.Context context;
    if (contextName != null) {
      context = config().get(contextName);
      if (context == null) {
        throw CliException.notFound("no context named \"" + contextName + "\" (see airbyte context list)");
      }
    } else {
      contextName = config().current();
      context = config().get(contextName);
    }
    if (context == null) context = new Config.Context(null, null, null, null);
    String source = "config file";
    String url = first(globals.url, env("AIRBYTE_API_URL"), context.url());
    String clientId = first(globals.clientId, env("AIRBYTE_CLIENT_ID"), null);
    String secret = env("AIRBYTE_CLIENT_SECRET");
    String token = env("AIRBYTE_ACCESS_TOKEN");
    if (clientId != null || secret != null || token != null) {
      source = globals.clientId != null ? "flags" : "environment";
      if (clientId == null && secret != null) clientId = context.clientId();
      if (secret == null && clientId != null && clientId.equals(context.clientId())) secret = context.clientSecret();
      if (clientId != null && secret == null && token == null) {
        throw new CliException(ExitCodes.AUTH, "client id " + clientId + " has no secret: set AIRBYTE_CLIENT_SECRET, or"
            + " run airbyte auth login --client-id " + clientId);
      }
      if (clientId != null) token = null; // client credentials win over a fixed token from the environment
    } else {
      clientId = context.clientId();
      secret = context.clientSecret();
    }
    String workspace = first(globals.workspace, env("AIRBYTE_WORKSPACE"), context.workspace());
    settings = new Settings(contextName, context, url, clientId, secret, token, workspace, source);
    return settings;
  }

  private static String first(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }

  /** The client, with the shared token cache; needs credentials or at least a URL (an install without auth). */
  AirbyteClient client() {
    if (client != null) return client;
    Settings s = settings();
    if (!s.hasCredentials() && s.url() == null) {
      throw new CliException(ExitCodes.AUTH, "not logged in: run airbyte auth login, or set AIRBYTE_API_URL with"
          + " AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (or AIRBYTE_ACCESS_TOKEN)");
    }
    Map<String, String> clientEnv = new HashMap<>();
    if (s.url() != null) clientEnv.put("AIRBYTE_API_URL", s.url());
    if (s.clientId() != null && s.clientSecret() != null) {
      clientEnv.put("AIRBYTE_CLIENT_ID", s.clientId());
      clientEnv.put("AIRBYTE_CLIENT_SECRET", s.clientSecret());
    } else if (s.accessToken() != null) {
      clientEnv.put("AIRBYTE_ACCESS_TOKEN", s.accessToken());
    }
    AirbyteClient.Builder builder;
    try {
      builder = AirbyteClient.fromEnv(clientEnv).toBuilder();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage().replace("AIRBYTE_API_URL: ", "API URL: "));
    }
    builder.tokenStore(new TokenFiles(PrivateFiles.cacheDir(env).resolve("tokens")))
        .secretFields(Connectors.secretFields());
    String configApi = globals.internalConfigApi != null ? globals.internalConfigApi
        : env("AIRBYTE_INTERNAL_CONFIG_API");
    if (configApi != null) {
      if (configApi.isBlank() || configApi.equalsIgnoreCase("true") || configApi.equals("1")) {
        builder.enableInternalConfigApi();
      } else {
        builder.internalConfigApiUrl(configApi);
      }
    }
    if (globals.verbose) builder.listener(new Verbose(err));
    try {
      client = builder.build();
      if (client.baseUrl().startsWith("http://")) {
        // Plain HTTP (a self-managed host, the fake): an OkHttp client without TLS connection specs never loads the
        // platform's TLS and trust store, a third of a cold start. Nothing was connected yet, so this costs nothing.
        client.close();
        client = builder.okHttpClient(new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .build()).build();
      }
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    return client;
  }

  Api api() {
    if (api == null) api = new Api(this);
    return api;
  }

  Output output() {
    if (output == null) output = output(globals.output);
    return output;
  }

  /** Output whose format is {@code fallback} unless -o says otherwise (the api command prints JSON by default). */
  Output output(Output.Format fallback) {
    boolean colour = terminal && !globals.noColor && env.get("NO_COLOR") == null;
    return new Output(out, globals.output != null ? globals.output : fallback, globals.query, terminal, colour);
  }

  /** Progress and diagnostics, never data: stderr. */
  void info(String line) {
    err.println(line);
    err.flush();
  }

  /** The workspace named by --workspace (or the context), as an id; null when none is set. */
  UUID workspaceId() {
    String workspace = settings().workspace();
    if (workspace != null && workspaceId == null) {
      workspaceId = api().resolve(Resource.named("workspaces"), workspace, Map.of());
    }
    return workspaceId;
  }

  @Override
  public void close() {
    if (client != null) client.close();
  }

  /** -v: one line per HTTP call on stderr (method, path, status, time); paths only, so nothing secret. */
  private static final class Verbose implements AirbyteListener {
    private final PrintWriter err;

    Verbose(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void onRequestEnd(RequestEnd end) {
      err.println("* " + end.method() + " " + end.path() + " -> " + (end.statusCode() == 0 ? "no response"
          : end.statusCode()) + " (" + end.duration().toMillis() + " ms)");
      err.flush();
    }
  }
}
