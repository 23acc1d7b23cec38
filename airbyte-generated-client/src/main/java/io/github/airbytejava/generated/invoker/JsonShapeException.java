package io.github.airbytejava.generated.invoker;

import com.google.gson.JsonParseException;

/**
 * A JSON body parses as JSON but not as the model it should be: a value of the wrong kind somewhere. The message
 * names the JSON path (for example {@code $.data[3].createdAt}) and the kinds expected and found, never the value,
 * which could be part of a connector configuration.
 */
public final class JsonShapeException extends JsonParseException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public JsonShapeException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** Where in the body, as a JSON path: {@code $} is the whole body, {@code $.data[3].createdAt} a field of an item. */
  public String getPath() {
    return path;
  }
}
