package org.chimerabench.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Any H2 file URL writes through unless it sets its own delay; other databases are left alone. */
class H2DurabilityTest {

    @Test
    void fileUrlsWriteThrough() {
        assertThat(H2Durability.writeThrough("jdbc:h2:file:/srv/chimera/db"))
                .isEqualTo("jdbc:h2:file:/srv/chimera/db;WRITE_DELAY=0");
        assertThat(H2Durability.writeThrough("jdbc:h2:./data/x;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:./data/x;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void explicitSettingsAndOtherDatabasesStay() {
        assertThat(H2Durability.writeThrough("jdbc:h2:file:/x;WRITE_DELAY=500")).endsWith("WRITE_DELAY=500");
        assertThat(H2Durability.writeThrough("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).doesNotContain("WRITE_DELAY");
        assertThat(H2Durability.writeThrough("jdbc:postgresql://db/chimera")).isEqualTo("jdbc:postgresql://db/chimera");
    }

    @Test
    void theAppNotH2sShutdownHookClosesAFileDatabase() {
        assertThat(H2Durability.closedByTheApp("jdbc:h2:file:/srv/chimera/db;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/srv/chimera/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2Durability.closedByTheApp("jdbc:h2:file:/x;DB_CLOSE_ON_EXIT=TRUE")).endsWith("=TRUE");
        assertThat(H2Durability.closedByTheApp("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2Durability.closedByTheApp("jdbc:postgresql://db/chimera")).isEqualTo("jdbc:postgresql://db/chimera");
    }
}
