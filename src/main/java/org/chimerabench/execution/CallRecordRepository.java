package org.chimerabench.execution;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallRecordRepository extends JpaRepository<CallRecord, Long> {

    long countBySweepId(Long sweepId);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from CallRecord c where c.trial.id = :trialId")
    int deleteByTrialId(@org.springframework.data.repository.query.Param("trialId") long trialId);

    Optional<CallRecord> findFirstBySweepIdAndStatusOrderByIdDesc(Long sweepId, CallStatus status);

    default Optional<CallRecord> findLastFailure(Long sweepId) {
        return findFirstBySweepIdAndStatusOrderByIdDesc(sweepId, CallStatus.FAILED);
    }
}
