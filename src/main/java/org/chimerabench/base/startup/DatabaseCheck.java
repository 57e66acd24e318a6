package org.chimerabench.base.startup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.chimerabench.base.H2Durability;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Before anything else opens the database: the settings H2 is given keep the app's guarantees, the folder of its
 * files can be written, the database opens (not locked by another instance, the right password, a PostgreSQL that
 * answers), and it was not written by a newer version of the app. Each problem is a {@link StartupProblem} saying
 * what to do.
 */
final class DatabaseCheck {

    private final String url;
    private final String username;
    private final String password;
    private final String urlSetting;
    private final MigrationVersion newestKnown;

    /**
     * @param urlSetting  how the user sets the URL (e.g. "spring.datasource.url" or "CHIMERA_DB_URL"), for messages
     * @param newestKnown the newest schema version among this build's migrations
     */
    DatabaseCheck(String url, String username, String password, String urlSetting, MigrationVersion newestKnown) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.urlSetting = urlSetting;
        this.newestKnown = newestKnown;
    }

    void run() {
        Optional<H2Location> h2 = H2Location.of(url);
        h2.ifPresent(this::checkSettings);
        h2.ifPresent(location -> checkWritable(location.folder()));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(H2Durability.durable(url), username,
                password);
        dataSource.setDriverClassName(DatabaseDriver.fromJdbcUrl(url).getDriverClassName());
        try (Connection connection = dataSource.getConnection()) {
            checkSchemaVersion(connection);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /**
     * The H2 settings that would break a guarantee: AUTO_SERVER (H2 refuses it with DB_CLOSE_ON_EXIT=FALSE, and its
     * port), DB_CLOSE_ON_EXIT other than FALSE (H2 would close the database before a stopping app hands its sweep
     * back), WRITE_DELAY other than 0 (a kill -9 would lose the last stored calls), FILE_LOCK=NO (two instances could
     * write the same files). H2 reads 1, YES, T and values it cannot parse as TRUE, so only the safe values pass.
     */
    private void checkSettings(H2Location location) {
        refuseUnless(location, "AUTO_SERVER", "FALSE", "H2 cannot combine it with the app closing the database"
                + " itself at shutdown (a stopping app first hands its running sweep back), and it opens a port",
                "; to copy the database while the app runs, an admin calls POST /api/admin/backup (README: Upgrading"
                + " and backups)");
        refuseUnless(location, "DB_CLOSE_ON_EXIT", "FALSE", "H2 would close the database before a stopping app"
                + " hands its running sweep back", " (the app closes the database itself when it stops)");
        refuseUnless(location, "WRITE_DELAY", "0", "a kill -9 or a power cut would lose the calls stored in the"
                + " last moments", " (every commit is then written at once)");
        refuseUnless(location, "FILE_LOCK", null, "two instances could write the same files", "");
    }

    /** Refuses a setting the URL gives with another value than {@code safe} (null: any value is refused). */
    private void refuseUnless(H2Location location, String key, String safe, String why, String more) {
        location.setting(key).filter(value -> safe == null || !value.equalsIgnoreCase(safe)).ifPresent(value -> {
            throw new StartupProblem(urlSetting + " sets " + key + "=" + value + ": " + why + ".", "Remove ;" + key
                    + "=" + value + " from " + urlSetting + more + ".");
        });
    }

    private void checkWritable(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupProblem("The folder " + folder + " for the database files cannot be written ("
                    + reason(e) + ").", "Make it a folder the user running the app may write, or start the app in"
                    + " another folder (it keeps its files in ./data), or point " + urlSetting
                    + " at a writable place.", e);
        }
    }

    private void checkSchemaVersion(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, "flyway_schema_history", null)) {
            if (!tables.next()) {
                return; // a new database: Flyway creates everything
            }
        }
        MigrationVersion newest = null;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            }
        }
        if (newest != null && newest.compareTo(newestKnown) > 0) {
            throw new StartupProblem("The database was written by a newer version of Chimera Bench (schema version "
                    + newest + "; this version knows up to " + newestKnown + ").",
                    "Start the newer version again, or restore the backup made before the upgrade"
                    + " (README: Upgrading and backups).");
        }
    }

    /** A failure to open the database in words a user can act on, when it is one of the known ones. */
    Optional<StartupProblem> explainKnown(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean known = H2Location.of(url).isPresent()
                ? e.getErrorCode() == 90020 || e.getErrorCode() == 90048 || e.getErrorCode() == 28000
                : url.startsWith("jdbc:postgresql:") && (state.startsWith("08") || state.startsWith("28")
                        || state.equals("3D000"));
        return known ? Optional.of(explain(e)) : Optional.empty();
    }

    /** A failure to open the database, in words a user can act on. */
    StartupProblem explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Optional<H2Location> h2 = H2Location.of(url);
        if (h2.isPresent()) {
            Path files = h2.get().database();
            return switch (e.getErrorCode()) {
                case 90020 -> new StartupProblem("The database " + files + " is in use by another running Chimera"
                        + " Bench (or another program that has it open).", "Stop that one first, or start this one in"
                        + " another folder (it keeps its files in ./data) or with its own " + urlSetting + ".", e);
                case 90048 -> new StartupProblem("The database files " + files + " are in a format this version's"
                        + " H2 cannot read (written by an older or newer Chimera Bench).", "Start the version that"
                        + " wrote them, or restore a backup made for this version (README: Upgrading and backups).", e);
                case 28000 -> wrongPassword(e);
                default -> new StartupProblem("The database " + files + " did not open: " + firstLine(e) + ".",
                        "Check " + urlSetting + " and the database's files.", e);
            };
        }
        if (url.startsWith("jdbc:postgresql:")) {
            if (state.startsWith("08")) {
                return new StartupProblem("The PostgreSQL server at " + address() + " does not answer ("
                        + firstLine(e) + ").", "Start it, or set " + urlSetting + " to the address of one that runs.",
                        e);
            }
            if (state.equals("28P01") || state.equals("28000")) {
                return wrongPassword(e);
            }
            if (state.equals("3D000")) {
                return new StartupProblem("The PostgreSQL database named in " + urlSetting + " (" + shown(url)
                        + ") does not exist.", "Create it (CREATE DATABASE … OWNER " + username + ") or correct "
                        + urlSetting + ".", e);
            }
        }
        return new StartupProblem("The database at " + shown(url) + " did not open: " + firstLine(e) + ".",
                "Check " + urlSetting + " and the database's user and password.", e);
    }

    private StartupProblem wrongPassword(SQLException e) {
        return new StartupProblem("The database refused the user '" + username + "' with the password given.",
                "Set the user and password it was created with (spring.datasource.username and"
                + " spring.datasource.password; CHIMERA_DB_USER and CHIMERA_DB_PASSWORD on PostgreSQL).", e);
    }

    private String address() {
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            if (uri.getHost() != null) {
                return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            // several hosts, or no host: the URL says where
        }
        return "named in " + shown(url);
    }

    /** The URL without its parameters and any password in it, for a log line. */
    static String shown(String url) {
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        return withoutQuery.replaceAll("(?i);(password|user)=[^;]*", "");
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file of that name is in the way: " + e.getMessage();
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).replaceAll("\\s*\\[\\d+-\\d+]$", "").trim();
    }
}
