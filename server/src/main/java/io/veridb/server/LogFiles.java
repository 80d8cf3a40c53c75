package io.veridb.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the log to a file ({@code --logfile}) in addition to the configured appenders, for as long as the server
 * runs.
 */
final class LogFiles {
    private static final String APPENDER = "veridb-logfile";

    private LogFiles() {}

    /** Attaches a file appender to the root logger; the returned handle detaches it. No-op for a null file. */
    static synchronized Runnable apply(Path logfile) {
        if (logfile == null) {
            return () -> {};
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            LoggerFactory.getLogger(LogFiles.class).warn("--logfile needs logback; logging stays unchanged");
            return () -> {};
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setName(APPENDER + ":" + logfile.toAbsolutePath());
        appender.setContext(context);
        appender.setFile(logfile.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        return () -> {
            root.detachAppender(appender);
            appender.stop();
        };
    }
}
