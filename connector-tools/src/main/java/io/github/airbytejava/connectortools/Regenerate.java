package io.github.airbytejava.connectortools;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./connector-facts.sh}: derives the facts from an {@code api_sdk.yaml} and a registry TSV, prints what
 * changed against the checked-in facts file ({@link FactsDiff}), and writes the new file.
 *
 * <pre>
 * Regenerate [--check] [--accept-breaking] [--facts FILE] API_SDK_YAML REGISTRY_TSV
 * Regenerate --compare OLD_FACTS NEW_FACTS
 * </pre>
 *
 * <p>{@code --check} prints the changes without writing. Exit codes: 0 nothing breaks (or {@code --accept-breaking}),
 * 1 something breaks, 2 usage or read error. The file is written either way (unless {@code --check}): the exit
 * code says whether callers must change.
 */
public final class Regenerate {
  private Regenerate() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    boolean check = false;
    boolean acceptBreaking = false;
    boolean compare = false;
    Path facts = Path.of(System.getProperty("airbyte.connector.facts", "connector-facts/src/main/facts/connector-facts.json"));
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--check" -> check = true;
        case "--accept-breaking" -> acceptBreaking = true;
        case "--compare" -> compare = true;
        case "--facts" -> {
          if (++i == args.length) {
            return usage(err, "--facts needs a file");
          }
          facts = Path.of(args[i]);
        }
        case "-h", "--help" -> {
          usage(out, null);
          return 0;
        }
        default -> {
          if (args[i].startsWith("--")) {
            return usage(err, "unknown option " + args[i]);
          }
          positional.add(args[i]);
        }
      }
    }
    if (positional.size() != 2) {
      return usage(err, compare ? "--compare needs two facts files" : "needs an api_sdk.yaml and a registry TSV");
    }
    try {
      JsonObject before;
      JsonObject after;
      if (compare) {
        before = FactsFile.read(Path.of(positional.get(0)));
        after = FactsFile.read(Path.of(positional.get(1)));
      } else {
        before = Files.exists(facts) ? FactsFile.read(facts) : emptyFacts();
        after = Derive.derive(Path.of(positional.get(0)), Path.of(positional.get(1)));
      }
      FactsDiff diff = FactsDiff.compare(before, after);
      out.print(diff.report());
      if (!compare && !check) {
        FactsFile.write(after, facts);
        out.println("Wrote " + facts + " (" + after.getAsJsonArray("connectors").size() + " connectors).");
      }
      return diff.breaking() && !acceptBreaking ? 1 : 0;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("connector-facts: no such file: " + e.getFile());
      return 2;
    } catch (Exception e) {
      // Parsers throw some exceptions without a message: the type at least says what went wrong.
      err.println("connector-facts: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
      return 2;
    }
  }

  private static JsonObject emptyFacts() {
    JsonObject facts = new JsonObject();
    facts.add("connectors", new com.google.gson.JsonArray());
    return facts;
  }

  private static int usage(PrintStream stream, String problem) {
    if (problem != null) {
      stream.println("connector-facts: " + problem);
    }
    stream.println("usage: connector-facts.sh [--check] [--accept-breaking] API_SDK_YAML REGISTRY_TSV");
    stream.println("       connector-facts.sh --compare OLD_FACTS NEW_FACTS");
    return problem == null ? 0 : 2;
  }
}
