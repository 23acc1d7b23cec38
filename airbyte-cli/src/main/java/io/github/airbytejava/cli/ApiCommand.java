package io.github.airbytejava.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airbyte api}: any endpoint, authenticated, as {@code gh api} does it. The Postman replacement. */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Call any endpoint of the API with a valid token. GET by default, POST when fields or --input are"
        + " given. The body is printed as JSON (secrets masked)."},
    footer = {"", "Examples:", "  airbyte api /workspaces", "  airbyte api /sources --paginate --query '[].name'",
        "  airbyte api -X PATCH /connections/ID -f status=inactive", "  airbyte api /jobs -F limit=5 -F jobType=sync"
        + " -X GET", "  airbyte api -X POST /jobs --input job.json -i"})
final class ApiCommand implements Callable<Integer> {
  private static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
      "set-cookie");

  private final Session session;

  @Parameters(arity = "1..2", paramLabel = "[METHOD] PATH", description = "A path under the API URL, such as"
      + " /workspaces, after an optional method (api GET /workspaces is api -X GET /workspaces).")
  List<String> target = new ArrayList<>();

  private String path;

  @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "GET, POST, PUT, PATCH or DELETE.")
  String method;

  @Option(names = {"-f", "--raw-field"}, paramLabel = "KEY=VALUE", description = "A string field (a query"
      + " parameter for GET).")
  List<String> rawFields = new ArrayList<>();

  @Option(names = {"-F", "--field"}, paramLabel = "KEY=VALUE", description = "A typed field: true, false, null and"
      + " numbers as JSON, @FILE for a file's content, anything else a string.")
  List<String> typedFields = new ArrayList<>();

  @Option(names = "--input", paramLabel = "FILE", description = "The request body, a JSON file; - for stdin.")
  String input;

  @Option(names = "--paginate", description = "Follow next through every page and print the items as one array.")
  boolean paginate;

  @Option(names = {"-i", "--include"}, description = "Print the status line and response headers first"
      + " (Authorization and cookies never).")
  boolean include;

  ApiCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    path = target.get(target.size() - 1);
    if (target.size() == 2) {
      if (method != null) throw CliException.usage("give the method once: -X " + method + " or " + target.get(0));
      method = target.get(0);
    }
    String verb = method != null ? method.toUpperCase(Locale.ROOT)
        : (!rawFields.isEmpty() || !typedFields.isEmpty() || input != null) ? "POST" : "GET";
    if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
      throw CliException.usage("-X: unknown method " + method + " (GET, POST, PUT, PATCH or DELETE)");
    }
    JsonObject fields = new JsonObject();
    rawFields.forEach(f -> fields.add(key(f), new JsonPrimitive(value(f))));
    typedFields.forEach(f -> fields.add(key(f), typed(value(f))));
    Api api = session.api();
    HttpUrl url = api.url(path);
    String body = null;
    if (verb.equals("GET") || verb.equals("DELETE")) {
      if (input != null) throw CliException.usage("--input needs POST, PUT or PATCH");
      HttpUrl.Builder withQuery = url.newBuilder();
      fields.entrySet().forEach(e -> withQuery.addQueryParameter(e.getKey(), Output.text(e.getValue())));
      url = withQuery.build();
    } else if (input != null) {
      if (fields.size() > 0) throw CliException.usage("give fields or --input, not both");
      body = readInput();
    } else {
      body = fields.toString();
    }
    if (paginate) {
      if (!verb.equals("GET")) throw CliException.usage("--paginate needs GET");
      String limit = url.queryParameter("limit");
      int pageSize = limit != null && limit.matches("\\d+") ? Math.max(1, Math.min(100, Integer.parseInt(limit))) : 100;
      JsonArray all = new JsonArray();
      api.listPaged(url, pageSize).forEach(all::add);
      session.output(Output.Format.json).print(all, null);
      return ExitCodes.OK;
    }
    Api.Reply reply = api.exchange(verb, url, body, Map.of());
    if (include) {
      StringBuilder head = new StringBuilder("HTTP ").append(reply.code()).append(' ').append(reply.message()).append('\n');
      reply.headers().forEach(h -> head.append(h.getFirst()).append(": ")
          .append(HIDDEN_HEADERS.contains(h.getFirst().toLowerCase(Locale.ROOT)) ? "██" : api.mask(h.getSecond()))
          .append('\n'));
      session.out.println(head);
      session.out.flush();
    }
    if (reply.code() / 100 != 2) throw api.failure(reply);
    if (reply.body().isBlank()) return ExitCodes.OK;
    JsonElement json;
    try {
      json = JsonParser.parseString(api.mask(reply.body()));
    } catch (RuntimeException notJson) {
      session.out.println(api.mask(reply.body()));
      session.out.flush();
      return ExitCodes.OK;
    }
    session.output(Output.Format.json).print(json, null);
    return ExitCodes.OK;
  }

  private String readInput() {
    try {
      String text = input.equals("-") ? new String(session.stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(input), StandardCharsets.UTF_8);
      JsonParser.parseString(text); // refused before anything is sent
      return text;
    } catch (java.nio.file.NoSuchFileException e) {
      throw CliException.usage("--input " + input + ": no such file");
    } catch (IOException e) {
      throw CliException.usage("--input " + input + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      throw CliException.usage("--input " + input + ": not valid JSON");
    }
  }

  private static String key(String field) {
    int eq = field.indexOf('=');
    if (eq <= 0) throw CliException.usage("a field is KEY=VALUE: " + field);
    return field.substring(0, eq);
  }

  private static String value(String field) {
    return field.substring(field.indexOf('=') + 1);
  }

  private static JsonElement typed(String value) {
    switch (value) {
      case "true": return new JsonPrimitive(true);
      case "false": return new JsonPrimitive(false);
      case "null": return JsonNull.INSTANCE;
      default: break;
    }
    if (value.startsWith("@")) {
      try {
        return new JsonPrimitive(Files.readString(Path.of(value.substring(1)), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw CliException.usage("-F " + value + ": cannot read the file");
      }
    }
    if (value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) return new JsonPrimitive(new BigDecimal(value));
    return new JsonPrimitive(value);
  }
}
