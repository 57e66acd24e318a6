package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * A migration, once released, is never edited: a database that applied it records its checksum, and Flyway refuses to
 * start on a mismatch (every database created before V1's comment was edited was locked out). This test fails as
 * soon as any migration file's content differs from its checksum recorded in
 * {@code src/test/resources/db/migration-checksums.properties}, or a migration is added without its checksum.
 * Checksums are Flyway's own, computed by Flyway from the files.
 */
class MigrationChecksumsTest {

    @Test
    void everyMigrationFileHasTheChecksumRecordedWhenItWasReleased() throws IOException {
        Map<String, Integer> recorded = recorded();
        Map<String, Integer> current = new TreeMap<>();
        current.putAll(checksums("h2"));
        current.putAll(checksums("postgresql"));
        current.forEach((file, checksum) -> assertThat(recorded.get(file))
                .as("%s: its checksum is %s. A released migration must not change: add a new V…__ file instead. A new"
                        + " migration: record its checksum in db/migration-checksums.properties. An edit that keeps"
                        + " the SQL (a comment): list the earlier checksum in EarlierMigrationTexts, then record the"
                        + " new one.", file, checksum)
                .isEqualTo(checksum));
        assertThat(current.keySet()).as("every recorded migration still exists").containsAll(recorded.keySet());
    }

    @Test
    void anEarlierTextIsAcceptedOnlyForTheFileItIsAnEarlierTextOf() throws IOException {
        Map<String, Integer> h2 = checksums("h2");
        Map<String, Integer> earlier = checksumsOf("classpath:upgrade/ba86f87/migration");
        for (EarlierMigrationTexts.EarlierText text : EarlierMigrationTexts.KNOWN) {
            assertThat(h2).as("today's text of V" + text.version()).containsValue(text.current());
        }
        assertThat(earlier.get("V1__initial_schema.sql")).as("V1 as ba86f87 shipped it")
                .isEqualTo(EarlierMigrationTexts.KNOWN.get(0).earlier())
                .isNotEqualTo(h2.get("h2/V1__initial_schema.sql"));
    }

    /** Per file (vendor folder or common/ + name), the checksum Flyway computes for the migrations of a database. */
    private static Map<String, Integer> checksums(String vendor) {
        Map<String, Integer> checksums = new TreeMap<>();
        checksumsOf("classpath:db/migration/common").forEach((file, sum) -> checksums.put("common/" + file, sum));
        checksumsOf("classpath:db/migration/" + vendor).forEach((file, sum) -> checksums.put(vendor + "/" + file, sum));
        return checksums;
    }

    private static Map<String, Integer> checksumsOf(String location) {
        Flyway flyway = Flyway.configure().locations(location).validateMigrationNaming(true)
                .dataSource("jdbc:h2:mem:checksums-" + location.hashCode(), "sa", "").load();
        Map<String, Integer> checksums = new TreeMap<>();
        for (MigrationInfo migration : flyway.info().all()) {
            checksums.put(migration.getScript().replaceAll(".*/", ""), migration.getChecksum());
        }
        return checksums;
    }

    private static Map<String, Integer> recorded() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MigrationChecksumsTest.class.getResourceAsStream("/db/migration-checksums.properties")) {
            properties.load(in);
        }
        Map<String, Integer> recorded = new TreeMap<>();
        properties.forEach((file, checksum) -> recorded.put((String) file, Integer.valueOf((String) checksum)));
        return recorded;
    }
}
