package io.github.airbytejava.cli;

import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;

/** {@code airbyte doctor}: one line per check, and what to do about each failure. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Check the URL, reachability, TLS, the token exchange, clock skew and that the credentials can list"
        + " workspaces; one line each, with what to do about a failure.",
    footer = {"", "Example:", "  airbyte doctor --context staging"})
final class DoctorCommand implements Callable<Integer> {
  private static final Duration MAX_SKEW = Duration.ofSeconds(30);

  private final Session session;
  private int exit = ExitCodes.OK;

  DoctorCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    AirbyteClient client;
    try {
      client = session.client();
    } catch (CliException e) {
      line(false, "config", e.getMessage());
      return e.exitCode();
    }
    HttpUrl url = HttpUrl.get(client.baseUrl());
    boolean cloud = url.host().equals("api.airbyte.com");
    line(true, "url", url + (cloud ? " (Airbyte Cloud)" : " (self-managed; Cloud is " + AirbyteClient.CLOUD_BASE_URL
        + ")") + ", context " + (session.settings().contextName() == null ? "none" : session.settings().contextName()));

    OkHttpClient plain = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(20)).build();
    String serverDate = null;
    Instant sentAt = Instant.now();
    try (Response health = plain.newCall(new Request.Builder().url(url.newBuilder().addPathSegment("health").build())
        .build()).execute()) {
      Duration took = Duration.between(sentAt, Instant.now());
      line(health.code() / 100 == 2, "reachable", "GET /health answered " + health.code() + " in " + took.toMillis()
          + " ms" + (health.code() / 100 == 2 ? "" : ": is this the API URL? Self-managed is http://HOST:8000"));
      serverDate = health.header("Date");
      if (url.isHttps()) {
        line(health.handshake() != null, "tls", health.handshake() == null ? "no TLS session" : health.handshake()
            .tlsVersion().javaName() + ", certificate of " + health.handshake().peerPrincipal() + " trusted");
      } else {
        boolean loopback = isLoopback(url.host());
        line(loopback, "tls", loopback ? "not used (http on this machine)"
            : "not used: http sends the client secret unencrypted; use https");
      }
    } catch (SSLException e) {
      line(false, "reachable", "connected, but TLS failed");
      line(false, "tls", Api.oneLine(e.getMessage()) + ": trust the server's CA with AIRBYTE_JAVA_OPTS="
          + "-Djavax.net.ssl.trustStore=FILE");
    } catch (IOException e) {
      line(false, "reachable", "cannot reach " + url.host() + ":" + url.port() + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + Api.oneLine(e.getMessage())) + "): check the URL, VPN or proxy");
    } finally {
      plain.dispatcher().executorService().shutdown();
      plain.connectionPool().evictAll();
    }

    try {
      AccessToken token = client.accessToken();
      line(true, "token", token == null ? "no token used (no credentials)" : "the token exchange works"
          + (token.expiresAt() == null ? "" : "; the token expires in "
          + Duration.between(Instant.now(), token.expiresAt()).toSeconds() + " s"));
    } catch (AirbyteException e) {
      CliException failure = Api.translate(e);
      line(false, "token", failure.getMessage() + (failure.exitCode() == ExitCodes.AUTH
          ? ": check the client id and secret (airbyte auth login)" : ""));
      exit = failure.exitCode();
    }

    if (serverDate != null) {
      try {
        Instant server = ZonedDateTime.parse(serverDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration skew = Duration.between(server, sentAt).abs();
        line(skew.compareTo(MAX_SKEW) <= 0, "clock", skew.compareTo(MAX_SKEW) <= 0 ? "within " + Math.max(1,
            skew.toSeconds()) + " s of the server's Date" : "this machine's clock is " + skew.toSeconds()
            + " s off the server's: tokens will look expired or not yet valid; sync the clock (NTP)");
      } catch (RuntimeException unreadable) {
        line(false, "clock", "the server's Date header does not parse: " + serverDate);
      }
    } else {
      session.out.println(String.format("%-4s %-10s %s", "skip", "clock", "the server sent no Date header to compare"
          + " with"));
    }

    try {
      int n = Api.items(session.api().call("GET", "/workspaces?limit=100", null)).size();
      line(true, "workspaces", "the credentials list " + n + (n == 1 ? " workspace" : " workspaces"));
    } catch (CliException e) {
      line(false, "workspaces", e.getMessage() + (e.exitCode() == ExitCodes.AUTH ? ": check the credentials"
          : e.getMessage().contains(" 403") ? ": the application lacks permission to list workspaces" : ""));
      if (exit == ExitCodes.OK || e.exitCode() == ExitCodes.AUTH) exit = e.exitCode();
    }
    return exit;
  }

  private void line(boolean ok, String check, String text) {
    if (!ok && exit == ExitCodes.OK) exit = ExitCodes.ERROR;
    session.out.println(String.format("%-4s %-10s %s", ok ? "ok" : "FAIL", check, text));
    session.out.flush();
  }

  private static boolean isLoopback(String host) {
    try {
      return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
