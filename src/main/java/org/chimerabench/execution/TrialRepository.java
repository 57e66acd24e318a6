package org.chimerabench.execution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TrialRepository extends JpaRepository<Trial, Long> {

    /** The execution plan of a sweep: every trial in run order, with its configuration. */
    @Query("select t from Trial t join fetch t.configuration c where c.sweep.id = :sweepId order by t.planPosition")
    List<Trial> findPlan(@Param("sweepId") long sweepId);
}
