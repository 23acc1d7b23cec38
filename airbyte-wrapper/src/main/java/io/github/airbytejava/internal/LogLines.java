package io.github.airbytejava.internal;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.airbytejava.configapi.LogLine;
import java.io.IOException;
import java.time.Instant;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The log lines of a {@code JobInfoRead} ({@code jobs/get}), read from the body as they are asked for: only the line
 * being read is held, whatever the log's size. Walks {@code attempts[i].logs}, either {@code logLines} (formatted
 * text) or {@code events} (structured), and skips everything else unread. Each line is masked and capped.
 */
final class LogLines implements Spliterator<LogLine> {
  static final int LINE_LIMIT = 16_000;

  private enum State { START, ATTEMPTS, ATTEMPT, LOGS, LINES, EVENTS, DONE }

  private final JsonReader reader;
  private final Function<Exception, RuntimeException> failure;
  private State state = State.START;
  private int attempt = -1;

  LogLines(JsonReader reader, Function<Exception, RuntimeException> failure) {
    this.reader = reader;
    this.failure = failure;
  }

  @Override
  public boolean tryAdvance(Consumer<? super LogLine> action) {
    try {
      LogLine line = next();
      if (line == null) return false;
      action.accept(line);
      return true;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      state = State.DONE;
      throw failure.apply(e);
    }
  }

  /** The next line, or null at the end. */
  private LogLine next() throws IOException {
    while (true) {
      switch (state) {
        case START -> {
          reader.beginObject();
          state = findIn(State.START);
        }
        case ATTEMPTS -> {
          if (reader.hasNext()) {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
              reader.skipValue();
              attempt++;
              continue;
            }
            reader.beginObject();
            attempt++;
            state = State.ATTEMPT;
          } else {
            reader.endArray();
            state = findIn(State.START); // the rest of the body is read but nothing more is wanted
          }
        }
        case ATTEMPT -> state = findIn(State.ATTEMPT);
        case LOGS -> state = findIn(State.LOGS);
        case LINES -> {
          if (!reader.hasNext()) {
            reader.endArray();
            state = State.LOGS;
          } else if (reader.peek() == JsonToken.STRING) {
            return new LogLine(attempt, null, null, null, clean(reader.nextString()));
          } else {
            reader.skipValue();
          }
        }
        case EVENTS -> {
          if (!reader.hasNext()) {
            reader.endArray();
            state = State.LOGS;
          } else if (reader.peek() == JsonToken.BEGIN_OBJECT) {
            return event();
          } else {
            reader.skipValue();
          }
        }
        case DONE -> {
          return null;
        }
      }
    }
  }

  /**
   * Reads names of the current object until one leads deeper ({@code attempts}, {@code logs}, {@code logLines},
   * {@code events}); at the object's end, goes back up. Returns the state to go on in.
   */
  private State findIn(State level) throws IOException {
    while (reader.hasNext()) {
      String name = reader.nextName();
      JsonToken token = reader.peek();
      if (level == State.START && name.equals("attempts") && token == JsonToken.BEGIN_ARRAY) {
        reader.beginArray();
        return State.ATTEMPTS;
      }
      if (level == State.ATTEMPT && name.equals("logs") && token == JsonToken.BEGIN_OBJECT) {
        reader.beginObject();
        return State.LOGS;
      }
      if (level == State.LOGS && name.equals("logLines") && token == JsonToken.BEGIN_ARRAY) {
        reader.beginArray();
        return State.LINES;
      }
      if (level == State.LOGS && name.equals("events") && token == JsonToken.BEGIN_ARRAY) {
        reader.beginArray();
        return State.EVENTS;
      }
      reader.skipValue();
    }
    reader.endObject();
    return switch (level) {
      case ATTEMPT -> State.ATTEMPTS;
      case LOGS -> State.ATTEMPT;
      default -> State.DONE;
    };
  }

  private LogLine event() throws IOException {
    reader.beginObject();
    Instant timestamp = null;
    String level = null;
    String source = null;
    String message = null;
    String stackTrace = null;
    while (reader.hasNext()) {
      String name = reader.nextName();
      JsonToken token = reader.peek();
      if (token == JsonToken.NULL) {
        reader.skipValue();
        continue;
      }
      switch (name) {
        case "timestamp" -> timestamp = token == JsonToken.NUMBER ? Instant.ofEpochMilli(reader.nextLong()) : skip();
        case "level" -> level = token == JsonToken.STRING ? reader.nextString() : skip();
        case "logSource" -> source = token == JsonToken.STRING ? reader.nextString() : skip();
        case "message" -> message = token == JsonToken.STRING ? reader.nextString() : skip();
        case "stackTrace" -> stackTrace = token == JsonToken.STRING ? reader.nextString() : skip();
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    String text = message == null ? "" : message;
    if (stackTrace != null && !stackTrace.isEmpty()) text = text + "\n" + stackTrace;
    return new LogLine(attempt, timestamp, level, source, clean(text));
  }

  private <T> T skip() throws IOException {
    reader.skipValue();
    return null;
  }

  private static String clean(String text) {
    return Redactor.truncate(LogMasking.mask(text), LINE_LIMIT);
  }

  @Override
  public Spliterator<LogLine> trySplit() {
    return null;
  }

  @Override
  public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public int characteristics() {
    return ORDERED | NONNULL;
  }
}
