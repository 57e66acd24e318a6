package org.chimerabench.security;

import java.util.List;
import java.util.Optional;
import org.chimerabench.base.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    List<AppUser> findAllByOrderByUsernameAsc();

    long countByRoleAndEnabledTrue(Role role);
}
