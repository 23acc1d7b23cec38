package io.github.airbytejava.cli;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** YAML out ({@code -o yaml}) and resource files in (YAML or JSON, JSON being YAML's subset). */
final class Yaml {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private Yaml() {}

  static String dump(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    return new org.yaml.snakeyaml.Yaml(options).dump(value);
  }

  /**
   * A resource file ({@code -} for stdin) as JSON, with {@code ${NAME}} replaced by the environment variable NAME
   * ({@code $${} is a literal {@code ${}}): secrets stay out of files. A missing variable or file, or a file that
   * does not parse, is a usage error naming the file (and line).
   */
  static JsonElement readResourceFile(String name, Map<String, String> env, java.io.InputStream stdin) {
    String text;
    try {
      text = name.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.usage(name + ": no such file");
    } catch (IOException e) {
      throw CliException.usage(name + ": cannot read: " + e.getMessage());
    }
    Object parsed;
    try {
      parsed = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(text);
    } catch (MarkedYAMLException e) {
      throw CliException.usage(name + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML or JSON: "
          + e.getProblem());
    } catch (YAMLException e) {
      throw CliException.usage(name + ": not valid YAML or JSON");
    }
    if (!(parsed instanceof Map<?, ?>)) throw CliException.usage(name + ": expected an object (key: value pairs)");
    return substitute(Output.toJson(parsed), env, name);
  }

  private static JsonElement substitute(JsonElement element, Map<String, String> env, String file) {
    if (element.isJsonObject()) {
      var object = element.getAsJsonObject();
      for (String key : object.keySet().toArray(new String[0])) object.add(key, substitute(object.get(key), env, file));
      return object;
    }
    if (element.isJsonArray()) {
      var array = element.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) array.set(i, substitute(array.get(i), env, file));
      return array;
    }
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
      String value = element.getAsString();
      Matcher m = REFERENCE.matcher(value);
      StringBuilder out = new StringBuilder();
      boolean any = false;
      while (m.find()) {
        any = true;
        if (m.group(1) == null) {
          m.appendReplacement(out, Matcher.quoteReplacement("${"));
        } else {
          String resolved = env.get(m.group(1));
          if (resolved == null) {
            throw CliException.usage(file + ": ${" + m.group(1) + "} is not set in the environment");
          }
          m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
      }
      if (!any) return element;
      m.appendTail(out);
      return new com.google.gson.JsonPrimitive(out.toString());
    }
    return element;
  }
}
