package org.chimerabench.execution;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CallRecordRepository extends JpaRepository<CallRecord, Long> {

    long countBySweepId(Long sweepId);
}
