package org.chimerabench.endpoint;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EndpointEventRepository extends JpaRepository<EndpointEvent, Long> {

    @Query("SELECT e FROM EndpointEvent e WHERE e.endpointId = :endpoint AND e.kind = :kind"
            + " AND ((:model IS NULL AND e.model IS NULL) OR e.model = :model) ORDER BY e.id DESC")
    List<EndpointEvent> latest(@Param("endpoint") long endpointId, @Param("kind") EndpointEventKind kind,
                               @Param("model") String model, Pageable one);

    default Optional<EndpointEvent> latest(long endpointId, EndpointEventKind kind, String model) {
        return latest(endpointId, kind, model, Pageable.ofSize(1)).stream().findFirst();
    }

    List<EndpointEvent> findByEndpointIdOrderByIdDesc(long endpointId, Pageable page);

    List<EndpointEvent> findByEndpointIdAndIdGreaterThanOrderById(long endpointId, long afterId);

    List<EndpointEvent> findByEndpointIdAndAtGreaterThanAndAtLessThanEqualOrderByAtDescIdDesc(long endpointId,
            java.time.OffsetDateTime from, java.time.OffsetDateTime to);

    @Query("SELECT COALESCE(MAX(e.id), 0) FROM EndpointEvent e")
    long maxId();
}
