package org.chimerabench.base.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Databases created before a migration's text was edited without changing what it does still open. Flyway compares
 * each applied migration's recorded checksum with its file's; one known edit broke that: V1's first comment line
 * ("architecture.md" became "docs/architecture.md", commit f2168d6), and every database created before it failed
 * with "Migration checksum mismatch for migration version 1". Before Flyway validates, a recorded checksum listed
 * here as an earlier text of the same SQL is set to today's — nothing else. Any other mismatch still stops the start,
 * and {@code MigrationChecksumsTest} fails the build when a migration file changes, so this list only ever grows by
 * a reviewed entry. (Not {@code validateOnMigrate=false} nor a blanket repair: both would hide a real change.)
 */
@Component
class EarlierMigrationTexts implements Callback {

    private static final Logger log = LoggerFactory.getLogger(EarlierMigrationTexts.class);

    /** A migration whose applied text {@code earlier} is the same SQL as today's {@code current}. */
    record EarlierText(String version, int earlier, int current, String change) {
    }

    static final List<EarlierText> KNOWN = List.of(
            new EarlierText("1", 2060649270, -1129780513, "a comment's link, architecture.md → docs/architecture.md"));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        String table = context.getConfiguration().getTable();
        try {
            if (!exists(connection, table)) {
                return;
            }
            for (EarlierText text : KNOWN) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE \"" + table
                        + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
                    update.setInt(1, text.current());
                    update.setString(2, text.version());
                    update.setInt(3, text.earlier());
                    if (update.executeUpdate() > 0) {
                        log.info("Schema version {} was applied from an earlier text of the same SQL ({}); its"
                                + " recorded checksum now matches today's file", text.version(), text.change());
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not align the checksums of earlier migration texts: " + e.getMessage(),
                    e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "earlier migration texts";
    }
}
