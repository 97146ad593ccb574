package dev.lingogate.stack.wiring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The gateway's access log, one line per request as the stage's format writes it, kept in
 * {@code logs/access.log} under the data directory and rolled daily and at 10 MB, 14 files kept.
 * Attached while the stack runs, so that tests starting several stacks in one JVM each get their own.
 */
final class AccessLogFile implements AutoCloseable {

    private static final String LOGGER = "dev.lingogate.gateway.access";

    private final Logger logger;
    private final RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();

    private AccessLogFile(Path dataDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = context.getLogger(LOGGER);
        Path file = dataDir.resolve("logs").resolve("access.log");

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("access.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);

        appender.setContext(context);
        appender.setName("access-log-" + dataDir);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.setRollingPolicy(rolling);
        rolling.start();
        appender.start();
    }

    /** Starts writing the gateway's access lines into the data directory, and only there. */
    static AccessLogFile open(Path dataDir) {
        AccessLogFile log = new AccessLogFile(dataDir);
        log.logger.setLevel(Level.INFO);
        log.logger.setAdditive(false);
        log.logger.addAppender(log.appender);
        return log;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
