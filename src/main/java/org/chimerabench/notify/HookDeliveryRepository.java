package org.chimerabench.notify;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HookDeliveryRepository extends JpaRepository<HookDelivery, Long> {

    List<HookDelivery> findByHookIdOrderByIdDesc(long hookId, Pageable page);

    @Query("SELECT d FROM HookDelivery d WHERE d.status = :status AND d.nextAttemptAt <= :now ORDER BY d.id")
    List<HookDelivery> due(@Param("status") HookDelivery.Status status, @Param("now") OffsetDateTime now,
                           Pageable page);
}
