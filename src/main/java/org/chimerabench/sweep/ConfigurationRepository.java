package org.chimerabench.sweep;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigurationRepository extends JpaRepository<Configuration, Long> {

    List<Configuration> findBySweepIdOrderByPosition(Long sweepId);

    long countBySweepId(Long sweepId);
}
