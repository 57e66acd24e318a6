package org.chimerabench.endpoint;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EndpointRepository extends JpaRepository<Endpoint, Long> {

    List<Endpoint> findAllByOrderBySimulatedDescNameAsc();

    Optional<Endpoint> findByName(String name);

}
