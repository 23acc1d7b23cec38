package io.github.airbytejava.cli;

import com.google.gson.JsonElement;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.gson.GsonRuntime;

/** {@code --query}: JMESPath, as the AWS CLI has it, over Gson's tree. Loaded only when a query is given. */
final class Query {
  private Query() {}

  static JsonElement search(String expression, JsonElement data) {
    JmesPath<JsonElement> jmespath = new GsonRuntime();
    try {
      return jmespath.compile(expression).search(data);
    } catch (RuntimeException e) { // ParseException, or a function given the wrong types
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
      throw CliException.usage("--query: " + why);
    }
  }
}
