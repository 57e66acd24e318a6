package org.chimerabench.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.startup.H2Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A copy of the database while the app runs, for administrators: on H2, {@code BACKUP TO} writes a consistent zip of
 * the database file into {@code backups/} beside it (restore: stop the app, unzip it into data/, start). PostgreSQL
 * is backed up with its own tool, {@code pg_dump} (README: Upgrading and backups).
 */
@Service
public class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final String url;

    BackupService(JdbcTemplate jdbc, AuditTrail audit, @Value("${spring.datasource.url:}") String url) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.url = url;
    }

    /** What was written: the file and its size. */
    public record Backup(String file, long bytes, OffsetDateTime createdAt) {
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public Backup backUp() {
        H2Location location = H2Location.of(url).orElseThrow(() -> new BackupNotHereException(
                url.startsWith("jdbc:postgresql:")
                        ? "The app does not copy a PostgreSQL database: back it up with pg_dump (e.g. pg_dump -Fc"
                        + " -f chimera.dump chimera), which reads it consistently while the app runs."
                        : "This database is not in files, so there is nothing to copy."));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Path file = location.folder().resolve("backups")
                .resolve(location.database().getFileName() + "-" + STAMP.format(now) + ".zip");
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                throw new BackupNotHereException("A backup named " + file.getFileName()
                        + " is being written; try again.");
            }
            jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            long bytes = Files.size(file);
            audit.record(AuditAction.BACKED_UP, file.getFileName().toString(), bytes + " bytes");
            return new Backup(file.toString(), bytes, now);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + file + ": " + e.getMessage(), e);
        }
    }
}
