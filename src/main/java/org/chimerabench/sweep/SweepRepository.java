package org.chimerabench.sweep;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SweepRepository extends JpaRepository<Sweep, Long> {

    List<Sweep> findAllByOrderByCreatedAtDescIdDesc();

    /** (sweep id, number of configurations) for every sweep that has any. */
    @Query("SELECT c.sweep.id, COUNT(c) FROM Configuration c GROUP BY c.sweep.id")
    List<Object[]> countConfigurationsBySweep();

    Optional<Sweep> findByExampleKey(String exampleKey);
}
