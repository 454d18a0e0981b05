package io.macexo.exoetl.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything a piece of code prints while it runs in this JVM: every log event at INFO and above
 * (Spark, Hadoop, the AWS SDK and ours, whatever the configured levels; with stack traces), and
 * whatever is written to {@code System.out} and {@code System.err}. For tests that check what must
 * never be printed. Not thread-safe; one capture at a time.
 */
public final class CapturedOutput implements AutoCloseable {
  private static final String APPENDER = "exo-etl-test-capture";

  private final StringWriter logs = new StringWriter();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Level originalRootLevel;
  private final WriterAppender appender;

  private CapturedOutput() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    appender =
        WriterAppender.newBuilder()
            .setName(APPENDER)
            .setTarget(logs)
            .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build())
            .build();
    appender.start();
    configuration.addAppender(appender);
    LoggerConfig root = configuration.getRootLogger();
    originalRootLevel = root.getLevel();
    root.addAppender(appender, Level.INFO, null);
    root.setLevel(Level.INFO);
    context.updateLoggers();
    PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  /** Starts capturing. */
  public static CapturedOutput start() {
    return new CapturedOutput();
  }

  /** The log events and console output so far. */
  public String text() {
    return logs + "\n" + console.toString(StandardCharsets.UTF_8);
  }

  /** Stops capturing and restores the loggers and the console streams. */
  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    LoggerConfig root = configuration.getRootLogger();
    root.removeAppender(APPENDER);
    root.setLevel(originalRootLevel);
    configuration.getAppenders().remove(APPENDER);
    context.updateLoggers();
    appender.stop();
  }
}
