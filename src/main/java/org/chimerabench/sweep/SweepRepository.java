package org.chimerabench.sweep;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SweepRepository extends JpaRepository<Sweep, Long> {

    List<Sweep> findAllByOrderByCreatedAtDescIdDesc();

    /** (sweep id, number of configurations) for every sweep that has any. */
    @Query("SELECT c.sweep.id, COUNT(c) FROM Configuration c GROUP BY c.sweep.id")
    List<Object[]> countConfigurationsBySweep();

    Optional<Sweep> findByExampleKey(String exampleKey);

    /** Deletes the sweep row; the database deletes its axes, configurations, trials and calls with it. */
    @Modifying
    @Query("DELETE FROM Sweep s WHERE s.id = :id")
    int deleteSweep(@Param("id") long id);
}
