package org.chimerabench.tune;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TuningRepository extends JpaRepository<Tuning, Long> {

    List<Tuning> findAllByOrderByIdDesc();
}
