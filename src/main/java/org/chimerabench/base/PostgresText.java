package org.chimerabench.base;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType;

/**
 * On PostgreSQL the long text columns ({@code @Lob} strings: prompts, definitions, responses, chunk gaps) are
 * {@code TEXT}, read and written as plain strings. Hibernate's default there is a large object ({@code oid}) —
 * neither what the migrations create nor what a backup tool or a psql user expects. H2 keeps its CLOB.
 * (Registered in META-INF/services/org.hibernate.boot.model.TypeContributor.)
 */
public final class PostgresText implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry services) {
        if (services.requireService(JdbcServices.class).getDialect() instanceof PostgreSQLDialect) {
            contributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(SqlTypes.CLOB, LongVarcharJdbcType.INSTANCE);
        }
    }
}
