package org.chimerabench.notify;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HookRepository extends JpaRepository<Hook, Long> {

    List<Hook> findAllByOrderById();
}
