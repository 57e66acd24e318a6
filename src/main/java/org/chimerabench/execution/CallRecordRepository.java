package org.chimerabench.execution;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CallRecordRepository extends JpaRepository<CallRecord, Long> {

    long countBySweepId(Long sweepId);

    java.util.Optional<CallRecord> findFirstBySweepIdAndStatusOrderByIdDesc(Long sweepId, CallStatus status);

    default java.util.Optional<CallRecord> findLastFailure(Long sweepId) {
        return findFirstBySweepIdAndStatusOrderByIdDesc(sweepId, CallStatus.FAILED);
    }
}
