package org.chimerabench.base.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a user can get wrong before the app starts, checked before anything is built (so it fails in a second or two
 * with one line, not after twenty with a stack trace): the web port is free, and the database opens as the app needs
 * it ({@link DatabaseCheck}). Added by {@code Application.main}, i.e. for the jar and {@code ./mvnw}; test contexts
 * don't run it.
 */
public final class StartupChecks implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Pattern MIGRATION = Pattern.compile("V([\\d.]+)__.*\\.sql");
    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        long start = System.nanoTime();
        check(event.getSpringApplication().getWebApplicationType(), event.getApplicationContext().getEnvironment());
        log.info("Start-up checks passed (port, database) in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static void check(WebApplicationType type, ConfigurableEnvironment environment) {
        if (type != WebApplicationType.NONE) {
            PortCheck.check(environment.getProperty("server.address", InetAddress.class),
                    environment.getProperty("server.port", Integer.class, 8080));
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return;
        }
        boolean postgres = Arrays.asList(environment.getActiveProfiles()).contains("postgres")
                && url.startsWith("jdbc:postgresql:");
        new DatabaseCheck(url, environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""),
                postgres ? "CHIMERA_DB_URL" : "spring.datasource.url", newestMigration()).run();
    }

    /** The newest schema version among this build's migrations (db/migration/…/V{n}__….sql). */
    static MigrationVersion newestMigration() {
        MigrationVersion newest = MigrationVersion.fromVersion("0");
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/**/V*__*.sql")) {
                Matcher name = MIGRATION.matcher(String.valueOf(resource.getFilename()));
                if (name.matches()) {
                    MigrationVersion version = MigrationVersion.fromVersion(name.group(1));
                    newest = version.compareTo(newest) > 0 ? version : newest;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newest;
    }
}
