package io.github.airbytejava.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.connectors.ActorType;
import io.github.airbytejava.connectors.Connector;
import io.github.airbytejava.connectors.Connectors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airbyte connectors list|describe|validate}: the 600 connectors airbyte-connectors knows, offline. */
final class ConnectorsCommands {
  private static final Resource CONNECTORS = new Resource("connectors", "connector", "", "definitionId", "slug",
      Resource.Scope.NONE, false, false, false, null, false, List.of("slug", "type", "name", "definitionId"), null,
      "");
  private static final Resource FIELDS = new Resource("fields", "field", "", "path", "path", Resource.Scope.NONE,
      false, false, false, null, false, List.of("path", "type", "required", "default", "allowed", "secret"), null, "");

  private ConnectorsCommands() {}

  static CommandLine connectors(Session session) {
    CommandLine group = ResourceCommands.group("connectors", "The connectors' configurations (offline, from"
        + " airbyte-connectors' facts).", "airbyte connectors list --type destination",
        "airbyte connectors describe postgres");
    ResourceCommands.sub(group, "list", new ListConnectors(session), "List connectors: slug, type, name, definition"
        + " id.", "airbyte connectors list --type source --query \"[?contains(slug, 'postgres')].slug\"");
    ResourceCommands.sub(group, "describe", new Describe(session), "A connector's fields: types, required, defaults,"
        + " allowed values, secret fields, oneOf variants.", "airbyte connectors describe postgres -o table");
    ResourceCommands.sub(group, "validate", new Validate(session), "Check a source or destination file (as for"
        + " create) against its connector's schema, offline.", "airbyte connectors validate pg.yaml");
    return group;
  }

  static ActorType type(String type) {
    if (type == null) return null;
    return switch (type) {
      case "source" -> ActorType.SOURCE;
      case "destination" -> ActorType.DESTINATION;
      default -> throw CliException.usage("--type must be source or destination: " + type);
    };
  }

  @Command(mixinStandardHelpOptions = true)
  static final class ListConnectors implements Callable<Integer> {
    private final Session session;

    @Option(names = "--type", paramLabel = "source|destination")
    String type;

    ListConnectors(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      ActorType only = type(type);
      JsonArray all = new JsonArray();
      for (Connector c : Connectors.all()) {
        if (only != null && c.actorType() != only) continue;
        JsonObject o = new JsonObject();
        o.addProperty("slug", c.slug());
        o.addProperty("type", c.actorType().wireName());
        o.addProperty("name", c.name());
        o.addProperty("definitionId", c.definitionId().map(Object::toString).orElse(null));
        o.addProperty("dockerRepository", c.dockerRepository());
        all.add(o);
      }
      session.output().print(all, CONNECTORS);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class Describe implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "SLUG", description = "The connector's slug, such as postgres.")
    String slug;

    @Option(names = "--type", paramLabel = "source|destination", description = "Needed when both have the slug"
        + " (default: source first).")
    String type;

    Describe(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      ActorType only = type(type);
      Connector connector = (only == null || only == ActorType.SOURCE ? Connectors.find(ActorType.SOURCE, slug)
          : java.util.Optional.<Connector>empty())
          .or(() -> only == null || only == ActorType.DESTINATION ? Connectors.find(ActorType.DESTINATION, slug)
              : java.util.Optional.empty())
          .orElseThrow(() -> CliException.notFound("no connector " + slug + " (see airbyte connectors list)"));
      JsonArray fields = new JsonArray();
      walk(JsonParser.parseString(connector.schemaJson()).getAsJsonObject(), "", fields, true);
      if (session.output().format() == Output.Format.table) {
        session.info(connector.actorType().wireName() + " " + connector.slug() + ": " + connector.name()
            + connector.definitionId().map(id -> " (definition " + id + ")").orElse(""));
        session.output().print(fields, FIELDS);
      } else {
        JsonObject o = new JsonObject();
        o.addProperty("slug", connector.slug());
        o.addProperty("type", connector.actorType().wireName());
        o.addProperty("name", connector.name());
        o.addProperty("definitionId", connector.definitionId().map(Object::toString).orElse(null));
        o.add("fields", fields);
        session.output().print(o, null);
      }
      return ExitCodes.OK;
    }

    /** One row per field, nested fields and oneOf variants by path ({@code ssl_mode[verify-full].ca_certificate}). */
    private static void walk(JsonObject schema, String prefix, JsonArray out, boolean parentRequired) {
      Set<String> required = new HashSet<>();
      if (schema.get("required") instanceof JsonArray r) r.forEach(e -> required.add(e.getAsString()));
      if (!(schema.get("properties") instanceof JsonObject properties)) return;
      for (String name : properties.keySet()) {
        if (!(properties.get(name) instanceof JsonObject field)) continue;
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        JsonObject row = new JsonObject();
        row.addProperty("path", path);
        row.addProperty("type", field.has("oneOf") ? "oneOf" : field.has("type") ? Output.text(field.get("type"))
            : field.has("const") ? "const" : "any");
        row.addProperty("required", required.contains(name) && parentRequired);
        if (field.has("default")) row.add("default", field.get("default"));
        if (field.get("enum") instanceof JsonArray values) row.add("allowed", values);
        else if (field.has("const")) row.add("allowed", field.get("const"));
        row.addProperty("secret", field.has("airbyte_secret") && field.get("airbyte_secret").getAsBoolean());
        if (field.has("title")) row.add("title", field.get("title"));
        out.add(row);
        boolean fieldRequired = required.contains(name) && parentRequired;
        if (field.get("oneOf") instanceof JsonArray variants) {
          JsonArray names = new JsonArray();
          for (JsonElement v : variants) {
            if (!(v instanceof JsonObject variant)) continue;
            String label = variantName(variant);
            names.add(label);
            walk(variant, path + "[" + label + "]", out, fieldRequired);
          }
          row.add("variants", names);
        } else if (field.has("properties")) {
          walk(field, path, out, fieldRequired);
        }
      }
    }

    private static String variantName(JsonObject variant) {
      if (variant.get("properties") instanceof JsonObject p) {
        for (String key : p.keySet()) {
          if (p.get(key) instanceof JsonObject f && f.has("const")) return Output.text(f.get("const"));
        }
      }
      return variant.has("title") ? Output.text(variant.get("title")) : "variant";
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class Validate implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "FILE", description = "YAML or JSON as for sources/destinations create; - for stdin.")
    String file;

    Validate(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      JsonObject body = Yaml.readResourceFile(file, session.env, session.stdin).getAsJsonObject();
      if (!(body.get("configuration") instanceof JsonObject configuration)) {
        throw CliException.usage(file + ": no configuration object");
      }
      String actorType = configuration.has("destinationType") ? "destination" : "source";
      if (!configuration.has("sourceType") && !configuration.has("destinationType") && !body.has("definitionId")) {
        throw CliException.usage(file + ": say which connector: configuration.sourceType (or destinationType), or"
            + " definitionId");
      }
      ResourceCommands.validate(actorType, body, configuration, file);
      session.info(file + ": valid " + actorType + " configuration.");
      return ExitCodes.OK;
    }
  }
}
