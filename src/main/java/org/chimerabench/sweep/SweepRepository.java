package org.chimerabench.sweep;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SweepRepository extends JpaRepository<Sweep, Long> {

    long countByStatus(SweepStatus status);

    List<Sweep> findAllByOrderByCreatedAtDescIdDesc();

    /** Every sweep's id, newest first (the order of the sweeps list). */
    @Query("SELECT s.id FROM Sweep s ORDER BY s.createdAt DESC, s.id DESC")
    List<Long> findIdsNewestFirst();

    /** (sweep id, number of configurations) for those of the given sweeps that have any. */
    @Query("SELECT c.sweep.id, COUNT(c) FROM Configuration c WHERE c.sweep.id IN :ids GROUP BY c.sweep.id")
    List<Object[]> countConfigurationsBySweepIn(@Param("ids") Collection<Long> ids);

    /** (sweep id, number of configurations) for every sweep that has any. */
    @Query("SELECT c.sweep.id, COUNT(c) FROM Configuration c GROUP BY c.sweep.id")
    List<Object[]> countConfigurationsBySweep();

    Optional<Sweep> findByExampleKey(String exampleKey);

    /** The other sweeps RUNNING on any of the endpoints (on whichever instance runs them). */
    @Query("SELECT DISTINCT s.id FROM Sweep s JOIN s.endpointIds e WHERE s.status = :running AND s.id <> :id"
            + " AND e IN :endpoints")
    List<Long> findOthersInStatusOn(@Param("id") long id, @Param("running") SweepStatus running,
                                    @Param("endpoints") Collection<Long> endpoints);

    default List<Long> findRunningOnAnyOf(long id, Collection<Long> endpoints) {
        return findOthersInStatusOn(id, SweepStatus.RUNNING, endpoints);
    }

    /**
     * The sweep, locked until the transaction ends: every status change reads it this way, so two of them (a cancel
     * and the runner's start, say) take turns instead of one overwriting the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT s FROM Sweep s WHERE s.id = :id")
    Optional<Sweep> lockById(@Param("id") long id);

    /** Deletes the sweep row; the database deletes its axes, configurations, trials and calls with it. */
    @Modifying
    @Query("DELETE FROM Sweep s WHERE s.id = :id")
    int deleteSweep(@Param("id") long id);
}
