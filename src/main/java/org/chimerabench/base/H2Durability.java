package org.chimerabench.base;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every stored call must survive a kill -9 the moment the API shows it, whatever H2 URL the app is given: an H2
 * file database writes through ({@code WRITE_DELAY=0}; a URL that sets another delay is refused at start,
 * {@code base.startup.DatabaseCheck}). (H2's default
 * delay of half a second lost a call already visible through the API in 3 of 4 kill -9 tries.) And the app, not
 * H2's own JVM shutdown hook, closes it ({@code DB_CLOSE_ON_EXIT=FALSE}): on SIGTERM a stopping instance hands its
 * sweep back to the scheduler before the database closes (with H2's hook the hand-back failed with "Database is
 * already closed" and the next instance waited for the heartbeat limit instead).
 */
@Component
public class H2Durability implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            String url = durable(hikari.getJdbcUrl());
            if (!url.equals(hikari.getJdbcUrl())) {
                log.info("H2 file database: writing through (WRITE_DELAY=0) so no stored call is lost on a crash,"
                        + " closed by the app on shutdown (DB_CLOSE_ON_EXIT=FALSE)");
                hikari.setJdbcUrl(url);
            }
        }
        return bean;
    }

    /** The URL the app opens for a configured one: {@link #writeThrough} and {@link #closedByTheApp}. */
    public static String durable(String url) {
        return closedByTheApp(writeThrough(url));
    }

    /** Whether the URL names an H2 database in files (not in memory). */
    public static boolean isH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
    }

    /** The URL with {@code ;WRITE_DELAY=0} added for an H2 file database that sets no write delay itself. */
    static String writeThrough(String url) {
        return withDefault(url, "WRITE_DELAY", "0");
    }

    /** The URL with {@code ;DB_CLOSE_ON_EXIT=FALSE} added for an H2 file database that does not set it itself. */
    static String closedByTheApp(String url) {
        return withDefault(url, "DB_CLOSE_ON_EXIT", "FALSE");
    }

    /** {@code ;KEY=value} appended to an H2 file URL that does not set KEY; any other URL unchanged. */
    private static String withDefault(String url, String key, String value) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!isH2File(url) || lower.contains(";" + key.toLowerCase(Locale.ROOT) + "=")) {
            return url;
        }
        return url + ";" + key + "=" + value;
    }
}
