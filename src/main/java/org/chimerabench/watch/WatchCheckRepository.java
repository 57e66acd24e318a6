package org.chimerabench.watch;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WatchCheckRepository extends JpaRepository<WatchCheck, Long> {

    List<WatchCheck> findByWatchIdOrderById(long watchId);

    boolean existsByWatchIdAndStatus(long watchId, WatchCheck.Status status);

    /** The check, its row locked until the transaction ends: it is judged, and told, once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT c FROM WatchCheck c WHERE c.id = :id")
    Optional<WatchCheck> lock(@Param("id") long id);

    List<WatchCheck> findByKindAndStatusOrderById(WatchCheck.Kind kind, WatchCheck.Status status);
}
