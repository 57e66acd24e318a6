package org.chimerabench.watch;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WatchRepository extends JpaRepository<Watch, Long> {

    List<Watch> findAllByOrderByIdDesc();

    /** The watch, its row locked until the transaction ends: one check at a time, across app instances. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT w FROM Watch w WHERE w.id = :id")
    Optional<Watch> lock(@Param("id") long id);
}
