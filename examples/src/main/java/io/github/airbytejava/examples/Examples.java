package io.github.airbytejava.examples;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteHttpException;
import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.PermissionDeniedException;
import io.github.airbytejava.connectors.sources.SourceFaker;
import io.github.airbytejava.connectors.sources.SourcePostgres;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLException;

/**
 * What both examples share, kept out of them so that they read like the README: which Airbyte to talk to, and how
 * a failure is reported. Not part of what to copy.
 *
 * <p>With {@code AIRBYTE_CLIENT_ID} and {@code AIRBYTE_CLIENT_SECRET} (or {@code AIRBYTE_ACCESS_TOKEN}) set, the
 * client comes from {@link AirbyteClient#fromEnv(Map)}: Airbyte Cloud, or {@code AIRBYTE_API_URL}. With none of them,
 * a fake Airbyte is started in-process (with two sample sources) and the examples say so.
 *
 * <p>A failure is one line on stderr, {@code error: ...}, and an exit code: {@link #AUTH} when the credentials were
 * refused, {@link #NETWORK} when Airbyte could not be reached, {@link #FAILED} for anything else (a wrong base URL,
 * a refused request, a failed sync). No stack trace: these are the errors a user of the examples can fix, and the
 * line says what to fix.
 */
final class Examples {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int AUTH = 2;
  static final int NETWORK = 3;

  /** The longest error line printed; a problem's detail can be a whole HTML page. */
  private static final int MAX_LINE = 400;

  /** An example: what it does with a client; returns its exit code. */
  @FunctionalInterface
  interface Body {
    int run(AirbyteClient client);
  }

  private Examples() {}

  /** Runs {@code body} against the Airbyte in {@code env}, or a default fake; returns the exit code. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err, Body body) {
    return run(env, out, err, FakeAirbyte.builder(), body);
  }

  /** Runs {@code body} against the Airbyte in {@code env}, or a fake with these settings; returns the exit code. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err, FakeAirbyte.Builder fakeSettings,
      Body body) {
    String baseUrl = null;
    FakeAirbyte fake = null;
    try {
      AirbyteClient client;
      if (hasCredentials(env)) {
        client = AirbyteClient.fromEnv(env);
      } else {
        // No spec check: it costs a second at start, and this module's tests check the examples against the spec.
        fake = fakeSettings.conformance(false).start();
        out.println("No AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set: using a fake Airbyte started in-process at "
            + fake.baseUrl() + (isSet(env, "AIRBYTE_API_URL") ? " (AIRBYTE_API_URL ignored)." : "."));
        client = AirbyteClient.fromEnv(fake.env()); // the fake's URL, client id and secret
      }
      baseUrl = client.baseUrl();
      try (client) {
        if (fake != null) addSampleSources(client, fake);
        return body.run(client);
      }
    } catch (RuntimeException e) {
      Failure failure = Failure.of(e, baseUrl);
      err.println("error: " + redact(failure.line(), env));
      return failure.exitCode();
    } finally {
      if (fake != null) fake.close();
    }
  }

  private static boolean hasCredentials(Map<String, String> env) {
    return isSet(env, "AIRBYTE_CLIENT_ID") || isSet(env, "AIRBYTE_CLIENT_SECRET") || isSet(env, "AIRBYTE_ACCESS_TOKEN");
  }

  private static boolean isSet(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  /** So that the quickstart has something to list. */
  private static void addSampleSources(AirbyteClient client, FakeAirbyte fake) {
    UUID workspaceId = fake.defaultWorkspaceId();
    client.sources().createSource(SourceFaker.builder().count(100).build()
        .createRequest(workspaceId, "Sample data")).execute();
    client.sources().createSource(SourcePostgres.builder().host("db.example.com").port(5432).database("shop")
        .username("reader").password("not-a-real-password").build()
        .createRequest(workspaceId, "Shop database")).execute();
  }

  /**
   * The wrapper's messages never hold a secret; this line may end up in a CI log, so check again. Values shorter
   * than 8 characters are left alone: replacing them would garble the line and they are not real secrets.
   */
  private static String redact(String line, Map<String, String> env) {
    for (String name : new String[] {"AIRBYTE_CLIENT_SECRET", "AIRBYTE_ACCESS_TOKEN"}) {
      String value = env.get(name);
      if (value != null && value.strip().length() >= 8) line = line.replace(value.strip(), "***");
    }
    return line;
  }

  /** A failure as the user should see it. */
  record Failure(int exitCode, String line) {
    static Failure of(RuntimeException e, String baseUrl) {
      if (e instanceof AuthenticationException auth && auth.getTokenUrl() != null) {
        return tokenFailure(auth, baseUrl);
      }
      if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
        AirbyteHttpException refused = (AirbyteHttpException) e;
        return new Failure(AUTH, "Airbyte refused " + (refused.getStatusCode() == 403 ? "access" : "the credentials")
            + " (" + refused.getStatusCode() + " from " + refused.getMethod() + " " + origin(baseUrl)
            + refused.getPath() + ")" + (refused.getDetail() == null ? "" : ": " + oneLine(refused.getDetail())));
      }
      if (e instanceof AirbyteTransportException) {
        return unreachable(baseUrl, e);
      }
      if (e instanceof AirbyteException || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException) {
        // The client's messages name the call, the status and Airbyte's explanation; fromEnv's name the variable.
        return new Failure(FAILED, oneLine(e.getMessage()));
      }
      return new Failure(FAILED, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
          + oneLine(e.getMessage())));
    }

    private static Failure tokenFailure(AuthenticationException e, String baseUrl) {
      int status = e.getStatusCode();
      String from = " from " + e.getTokenUrl();
      if (status == 400 || status == 401 || status == 403) {
        return new Failure(AUTH, "Airbyte refused the client id/secret (" + status + from + ")");
      }
      if (status == 0 && find(e, IOException.class) != null) {
        return unreachable(e.getTokenUrl(), e);
      }
      if (status == 404 || status == 405) {
        return new Failure(FAILED, "no Airbyte API at " + baseUrl + " (" + status + from
            + "); check AIRBYTE_API_URL");
      }
      if (status >= 200 && status < 300) {
        // Typically the web app's HTML page: the URL is Airbyte's UI, not its API.
        return new Failure(FAILED, "no Airbyte API at " + baseUrl + " (" + status + from + " is not a token: "
            + oneLine(e.getDetail()) + "); check AIRBYTE_API_URL");
      }
      return new Failure(FAILED, "the token request failed (" + status + from + ")"
          + (e.getDetail() == null ? "" : ": " + oneLine(e.getDetail())));
    }

    private static Failure unreachable(String url, Throwable e) {
      return new Failure(NETWORK, "cannot reach " + origin(url) + ": " + reason(e));
    }

    /** Why no connection: the innermost explanation, in a few words. */
    private static String reason(Throwable e) {
      if (find(e, UnknownHostException.class) != null) return "unknown host";
      SSLException tls = find(e, SSLException.class);
      if (tls != null) return "TLS failed: " + oneLine(tls.getMessage());
      IOException io = find(e, IOException.class);
      if (io == null) return oneLine(e.getMessage());
      // OkHttp's ConnectException ("Failed to connect to /127.0.0.1:1") wraps the JDK's ("Connection refused").
      Throwable root = io;
      while (root.getCause() instanceof IOException cause && cause != root) root = cause;
      String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      if (root instanceof ConnectException || root instanceof SocketTimeoutException) {
        return message.toLowerCase(Locale.ROOT);
      }
      return oneLine(message);
    }

    /** {@code scheme://host:port} of a URL, the part that decides whether it can be reached. */
    private static String origin(String url) {
      if (url == null) return "Airbyte";
      try {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
      } catch (IllegalArgumentException e) {
        return url;
      }
    }

    /** The first {@code type} in the causes (and their suppressed exceptions) of {@code e}, or null. */
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (type.isInstance(t)) return type.cast(t);
        for (Throwable suppressed : t.getSuppressed()) {
          if (type.isInstance(suppressed)) return type.cast(suppressed);
        }
      }
      return null;
    }

    private static String oneLine(String text) {
      if (text == null) return "";
      String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
      return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
    }
  }
}
