package io.github.airbytejava.examples;

import io.github.airbytejava.generated.model.SourceResponse;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What you would do by hand in Postman: get a token, list the sources, print them.
 *
 * <pre>
 * AIRBYTE_CLIENT_ID=... AIRBYTE_CLIENT_SECRET=... ./mvnw -q -B -pl examples exec:java@quickstart
 * </pre>
 *
 * <p>{@code AIRBYTE_API_URL} picks another Airbyte than Cloud (such as {@code http://localhost:8000}); without
 * credentials the example runs against a fake Airbyte started in-process.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err));
  }

  /** Runs the example; returns the exit code (see {@link Examples}). */
  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    return Examples.run(env, out, err, client -> {
      // No token request here: the client exchanges the client id and secret for a token on its first call,
      // and fetches a new one before that expires.
      List<SourceResponse> sources = client.paginate().sources().toList();

      out.println(sources.size() + " source(s) at " + client.baseUrl() + ":");
      out.printf("  %-32s %-12s %s%n", "NAME", "TYPE", "ID");
      for (SourceResponse source : sources) {
        out.printf("  %-32s %-12s %s%n", source.getName(), source.getSourceType(), source.getSourceId());
      }
      return Examples.OK;
    });
  }
}
