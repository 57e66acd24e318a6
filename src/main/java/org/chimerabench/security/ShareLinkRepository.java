package org.chimerabench.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShareLinkRepository extends JpaRepository<ShareLink, Long> {

    Optional<ShareLink> findByTokenHash(String tokenHash);

    List<ShareLink> findByCreatedByOrderByIdDesc(String createdBy);

    List<ShareLink> findAllByOrderByIdDesc();
}
