package io.github.airbytejava.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AirbyteClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airbyte auth login|status|token|logout} and {@code airbyte context list|use|delete}. */
final class AuthCommands {
  private AuthCommands() {}

  static CommandLine auth(Session session) {
    CommandLine auth = ResourceCommands.group("auth", "Log in, see who and where you are, get a token, log out.",
        "airbyte auth login", "curl -H \"Authorization: Bearer $(airbyte auth token)\" https://api.airbyte.com/v1/workspaces");
    ResourceCommands.sub(auth, "login", new Login(session), "Save a URL, client id and secret as a context (asks on a"
        + " terminal; --client-secret-stdin in CI). The secret is checked first.",
        "airbyte auth login --url http://localhost:8000 --client-id ID --client-secret-stdin < secret.txt");
    ResourceCommands.sub(auth, "status", new Status(session), "Who you are and where: context, URL, client id,"
        + " token, organizations.", "airbyte auth status");
    ResourceCommands.sub(auth, "token", new Token(session), "Print a valid access token (from the cache while it"
        + " lasts).", "curl -H \"Authorization: Bearer $(airbyte auth token)\" \"$AIRBYTE_API_URL/workspaces\"");
    ResourceCommands.sub(auth, "logout", new Logout(session), "Forget the context's secret and its cached tokens.",
        "airbyte auth logout");
    return auth;
  }

  static CommandLine context(Session session) {
    CommandLine context = ResourceCommands.group("context", "Named contexts (URL, client id, secret, workspace) in"
        + " the config file.", "airbyte context list", "airbyte context use staging");
    ResourceCommands.sub(context, "list", new ContextList(session), "List the contexts; * marks the current one.",
        "airbyte context list");
    ResourceCommands.sub(context, "use", new ContextUse(session), "Make a context the current one.",
        "airbyte context use staging");
    ResourceCommands.sub(context, "delete", new ContextDelete(session), "Delete a context (its secret and cached"
        + " tokens too).", "airbyte context delete staging");
    return context;
  }

  @Command(mixinStandardHelpOptions = true)
  static final class Login implements Callable<Integer> {
    private final Session session;

    @Option(names = "--client-secret-stdin", description = "Read the client secret from standard input (CI).")
    boolean secretFromStdin;

    @Option(names = "--name", paramLabel = "CONTEXT", description = "The context's name (default: --context, the"
        + " current context, or \"default\").")
    String name;

    Login(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Config config = session.config();
      AirbyteCommand g = session.globals;
      String contextName = name != null ? name : g.context != null ? g.context
          : config.current() != null ? config.current() : "default";
      Config.Context old = config.get(contextName);
      String url = g.url != null ? g.url : session.env("AIRBYTE_API_URL");
      String clientId = g.clientId != null ? g.clientId : session.env("AIRBYTE_CLIENT_ID");
      if (url == null) {
        url = session.terminal ? ask("API URL (Cloud: " + AirbyteClient.CLOUD_BASE_URL + ", or a self-managed host)"
            + " [" + (old != null && old.url() != null ? old.url() : AirbyteClient.CLOUD_BASE_URL) + "]: ") : null;
        if (url == null || url.isBlank()) url = old != null && old.url() != null ? old.url() : AirbyteClient.CLOUD_BASE_URL;
      }
      if (clientId == null) {
        if (!session.terminal) throw CliException.usage("give --client-id ID (no terminal to ask on)");
        clientId = ask("Client id: ");
        if (clientId == null || clientId.isBlank()) throw CliException.usage("a client id is needed");
      }
      String secret;
      if (secretFromStdin) {
        secret = Terminal.firstLine(session);
      } else if (session.terminal) {
        secret = Terminal.readSecret(session, "Client secret: ");
      } else {
        secret = session.env("AIRBYTE_CLIENT_SECRET");
        if (secret == null) throw CliException.usage("give --client-secret-stdin (no terminal to ask on)");
      }
      if (secret == null || secret.isBlank()) throw CliException.usage("the client secret is empty");
      secret = secret.strip();
      // Checked before it is saved: a wrong secret is an authentication failure, and nothing is written.
      try (AirbyteClient client = AirbyteClient.fromEnv(Map.of("AIRBYTE_API_URL", url, "AIRBYTE_CLIENT_ID", clientId,
          "AIRBYTE_CLIENT_SECRET", secret)).toBuilder()
          .tokenStore(new TokenFiles(PrivateFiles.cacheDir(session.env).resolve("tokens"))).build()) {
        client.accessToken();
      } catch (IllegalArgumentException e) {
        throw CliException.usage(e.getMessage().replace("AIRBYTE_API_URL: ", "API URL: "));
      } catch (io.github.airbytejava.AirbyteException e) {
        CliException failure = Api.translate(e);
        throw new CliException(failure.exitCode(), "login failed: " + failure.getMessage(), e);
      }
      String workspace = g.workspace != null ? g.workspace : old != null ? old.workspace() : null;
      config.put(contextName, new Config.Context(url, clientId, secret, workspace));
      config.use(contextName);
      config.save();
      session.info("Logged in to " + url + " as client " + clientId + "; context \"" + contextName + "\" saved in "
          + config.file() + ".");
      return ExitCodes.OK;
    }

    private String ask(String prompt) {
      String answer = Terminal.readLine(session, prompt);
      return answer == null ? null : answer.strip();
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class Status implements Callable<Integer> {
    private final Session session;

    Status(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Session.Settings s = session.settings();
      AirbyteClient client = session.client();
      JsonObject status = new JsonObject();
      status.addProperty("context", s.contextName());
      status.addProperty("url", client.baseUrl());
      status.addProperty("credentials", s.clientId() != null ? "client credentials (from " + s.source() + ")"
          : s.accessToken() != null ? "access token (from the environment)" : "none");
      if (s.clientId() != null) status.addProperty("clientId", s.clientId());
      if (s.workspace() != null) status.addProperty("workspace", s.workspace());
      AccessToken token = client.accessToken();
      if (token != null && token.expiresAt() != null) {
        status.addProperty("tokenExpiresIn", Duration.between(Instant.now(), token.expiresAt()).toSeconds() + "s");
      }
      JsonArray organizations = new JsonArray();
      for (JsonElement o : session.api().list(Resource.named("organizations"), Map.of())) {
        organizations.add(o.getAsJsonObject().get("organizationName"));
      }
      status.add("organizations", organizations);
      session.output().print(status, null);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class Token implements Callable<Integer> {
    private final Session session;

    Token(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      AccessToken token = session.client().accessToken();
      if (token == null) throw new CliException(ExitCodes.AUTH, "these credentials use no access token");
      session.out.println(token.token());
      session.out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class Logout implements Callable<Integer> {
    private final Session session;

    Logout(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Config config = session.config();
      String name = session.globals.context != null ? session.globals.context : config.current();
      Config.Context context = config.get(name);
      if (context == null) throw CliException.notFound("not logged in (no current context)");
      forgetTokens(session, context);
      config.put(name, new Config.Context(context.url(), context.clientId(), null, context.workspace()));
      config.save();
      session.info("Logged out of context \"" + name + "\": its secret and cached tokens are gone.");
      return ExitCodes.OK;
    }
  }

  static void forgetTokens(Session session, Config.Context context) {
    if (context.clientId() == null) return;
    try {
      new TokenFiles(PrivateFiles.cacheDir(session.env).resolve("tokens")).forget(context.clientId());
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "cannot remove cached tokens: " + e.getMessage(), e);
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class ContextList implements Callable<Integer> {
    private final Session session;

    ContextList(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Config config = session.config();
      JsonArray contexts = new JsonArray();
      config.contexts().forEach((name, c) -> {
        JsonObject o = new JsonObject();
        o.addProperty("current", name.equals(config.current()) ? "*" : "");
        o.addProperty("name", name);
        o.addProperty("url", c.url());
        o.addProperty("clientId", c.clientId());
        o.addProperty("workspace", c.workspace());
        o.addProperty("loggedIn", c.clientSecret() != null);
        contexts.add(o);
      });
      session.output().print(contexts, new Resource("contexts", "context", "", "name", "name",
          Resource.Scope.NONE, false, false, false, null, false,
          List.of("current", "name", "url", "clientId", "workspace", "loggedIn"), null, ""));
      return ExitCodes.OK;
    }
  }

  /** A command on one named context. */
  abstract static class OnContext implements Callable<Integer> {
    final Session session;
    @Parameters(paramLabel = "NAME", description = "The context's name.")
    String name;

    OnContext(Session session) {
      this.session = session;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class ContextUse extends OnContext {
    ContextUse(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      Config config = session.config();
      config.use(name);
      config.save();
      session.info("Now using context \"" + name + "\".");
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class ContextDelete extends OnContext {
    ContextDelete(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      Config config = session.config();
      Config.Context context = config.get(name);
      config.delete(name);
      forgetTokens(session, context);
      config.save();
      session.info("Deleted context \"" + name + "\".");
      return ExitCodes.OK;
    }
  }
}
