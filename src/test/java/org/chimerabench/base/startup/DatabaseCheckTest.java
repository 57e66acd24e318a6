package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The H2 settings that would break the app's guarantees are refused with what to do (H2 reads 1, YES, ON… as TRUE, so
 * only the safe values pass); passwords never reach a log line; and an earlier V1 text is accepted only with its
 * known checksum — any other mismatch still stops Flyway.
 */
class DatabaseCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {";AUTO_SERVER=TRUE", ";AUTO_SERVER=yes", ";DB_CLOSE_ON_EXIT=TRUE", ";DB_CLOSE_ON_EXIT=1",
            ";DB_CLOSE_ON_EXIT=ON", ";WRITE_DELAY=500", ";FILE_LOCK=NO"})
    void settingsThatBreakAGuaranteeAreRefusedNamingThem(String setting) throws Exception {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("chimera-check").resolve("db") + setting;
        StartupProblem problem = catchThrowableOfType(StartupProblem.class, () -> check(url).run());
        assertThat(problem).as(setting).isNotNull();
        assertThat(problem.what()).startsWith("spring.datasource.url sets " + setting.substring(1) + ": ");
        assertThat(problem.action()).startsWith("Remove " + setting + " from spring.datasource.url");
    }

    @Test
    void theSafeValuesOpen() throws Exception {
        Path folder = Files.createTempDirectory("chimera-check");
        assertThatCode(() -> check("jdbc:h2:file:" + folder.resolve("db")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE").run()).doesNotThrowAnyException();
    }

    @Test
    void aLogLineNeverCarriesAPassword() {
        assertThat(DatabaseCheck.shown("jdbc:postgresql://db:5432/chimera?user=c&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/chimera");
        assertThat(DatabaseCheck.shown("jdbc:h2:file:./data/x;USER=sa;PASSWORD=secret;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/x;WRITE_DELAY=0");
    }

    @Test
    void onlyTheKnownEarlierTextOfV1IsAcceptedAnyOtherChangeStillStopsFlyway() throws Exception {
        String url = "jdbc:h2:mem:earlier-texts;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:" + UpgradeFixture.BA86F87 + "migration")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute(
                    "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
        }
        Flyway today = Flyway.configure().dataSource(url, "sa", "").callbacks(new EarlierMigrationTexts())
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
        assertThat(catchThrowableOfType(FlywayValidateException.class, today::migrate).getMessage())
                .contains("checksum mismatch for migration version 1");
    }

    private static DatabaseCheck check(String url) {
        return new DatabaseCheck(url, "sa", "", "spring.datasource.url", MigrationVersion.fromVersion("13"));
    }
}
