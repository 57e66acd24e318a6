package org.chimerabench.endpoint;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EndpointRepository extends JpaRepository<Endpoint, Long> {

    List<Endpoint> findAllByOrderBySimulatedDescNameAsc();

    Optional<Endpoint> findByName(String name);

    /** The endpoints, their rows locked until the transaction ends (in id order, so two lockers cannot deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT e FROM Endpoint e WHERE e.id IN :ids ORDER BY e.id")
    List<Endpoint> lockAll(@Param("ids") Collection<Long> ids);

}
