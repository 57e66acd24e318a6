package org.chimerabench.security;

import java.util.List;
import org.chimerabench.base.AuditAction;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    @Query("""
            SELECT e FROM AuditEvent e
            WHERE (:username IS NULL OR e.username = :username) AND (:action IS NULL OR e.action = :action)
            ORDER BY e.id DESC""")
    List<AuditEvent> search(@Param("username") String username, @Param("action") AuditAction action,
                            Pageable page);
}
