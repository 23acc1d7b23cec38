package io.github.airbytejava.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The config file, {@code config.json} in the config directory: named contexts (URL, client id, client secret,
 * default workspace) and the current one. It holds secrets, so it is written 0600 and refused when others may read
 * it.
 */
final class Config {
  /** One context; any field may be null. */
  record Context(String url, String clientId, String clientSecret, String workspace) {
    @Override
    public String toString() { // never the secret
      return "Context{url=" + url + ", clientId=" + clientId + ", workspace=" + workspace + "}";
    }
  }

  private final Path file;
  private String current;
  private final Map<String, Context> contexts;

  private Config(Path file, String current, Map<String, Context> contexts) {
    this.file = file;
    this.current = current;
    this.contexts = contexts;
  }

  static Config load(Map<String, String> env) {
    Path file = PrivateFiles.configDir(env).resolve("config.json");
    String text;
    try {
      if (PrivateFiles.openToOthers(file)) throw new CliException(ExitCodes.ERROR, PrivateFiles.tooOpen(file));
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      return new Config(file, null, new LinkedHashMap<>());
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      Map<String, Context> contexts = new LinkedHashMap<>();
      JsonObject all = json.has("contexts") ? json.getAsJsonObject("contexts") : new JsonObject();
      for (Map.Entry<String, JsonElement> entry : all.entrySet()) {
        JsonObject c = entry.getValue().getAsJsonObject();
        contexts.put(entry.getKey(), new Context(text(c, "url"), text(c, "clientId"), text(c, "clientSecret"),
            text(c, "workspace")));
      }
      return new Config(file, text(json, "current"), contexts);
    } catch (RuntimeException malformed) {
      throw new CliException(ExitCodes.USAGE, file + " is not a valid config file (" + malformed.getClass()
          .getSimpleName() + "); fix it, or delete it and run airbyte auth login");
    }
  }

  private static String text(JsonObject json, String key) {
    JsonElement value = json.get(key);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  Path file() {
    return file;
  }

  String current() {
    return current;
  }

  Map<String, Context> contexts() {
    return contexts;
  }

  Context get(String name) {
    return name == null ? null : contexts.get(name);
  }

  void put(String name, Context context) {
    contexts.put(name, context);
  }

  void use(String name) {
    if (!contexts.containsKey(name)) throw CliException.notFound("no context named \"" + name + "\" (see airbyte context list)");
    current = name;
  }

  void delete(String name) {
    if (contexts.remove(name) == null) throw CliException.notFound("no context named \"" + name + "\" (see airbyte context list)");
    if (name.equals(current)) current = null;
  }

  void save() {
    JsonObject json = new JsonObject();
    if (current != null) json.addProperty("current", current);
    JsonObject all = new JsonObject();
    contexts.forEach((name, c) -> {
      JsonObject o = new JsonObject();
      if (c.url() != null) o.addProperty("url", c.url());
      if (c.clientId() != null) o.addProperty("clientId", c.clientId());
      if (c.clientSecret() != null) o.addProperty("clientSecret", c.clientSecret());
      if (c.workspace() != null) o.addProperty("workspace", c.workspace());
      all.add(name, o);
    });
    json.add("contexts", all);
    try {
      PrivateFiles.write(file, new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n");
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
