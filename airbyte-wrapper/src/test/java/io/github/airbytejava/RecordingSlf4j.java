package io.github.airbytejava;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J backend for this module's tests (chosen with {@code -Dslf4j.provider} in the pom): every level is on,
 * and every event is kept, with its logger, level, formatted message and throwable, for the tests to read.
 */
public final class RecordingSlf4j implements SLF4JServiceProvider {
  /** One logged event; {@code text} is the formatted message followed by the throwable's messages, if any. */
  public record Event(String logger, Level level, String text, Throwable thrown) {}

  private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

  /** Forgets what was logged so far. */
  public static void clear() {
    EVENTS.clear();
  }

  /** What {@code logger} logged since the last {@link #clear()}. */
  public static List<Event> events(String logger) {
    return EVENTS.stream().filter(e -> e.logger().equals(logger)).collect(Collectors.toList());
  }

  public static List<Event> events() {
    return List.copyOf(EVENTS);
  }

  private final ILoggerFactory loggers = RecordingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class RecordingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    RecordingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable thrown) {
      StringBuilder text = new StringBuilder(MessageFormatter.basicArrayFormat(pattern, arguments));
      for (Throwable t = thrown; t != null; t = t.getCause()) text.append('\n').append(t);
      EVENTS.add(new Event(name, level, text.toString(), thrown));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
