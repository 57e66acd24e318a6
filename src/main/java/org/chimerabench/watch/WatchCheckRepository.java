package org.chimerabench.watch;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WatchCheckRepository extends JpaRepository<WatchCheck, Long> {

    List<WatchCheck> findByWatchIdOrderById(long watchId);

    boolean existsByWatchIdAndStatus(long watchId, WatchCheck.Status status);

    List<WatchCheck> findByKindAndStatusOrderById(WatchCheck.Kind kind, WatchCheck.Status status);
}
