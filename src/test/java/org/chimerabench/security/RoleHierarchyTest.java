package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The role hierarchy Spring Security falls back on (logins already carry every role theirs includes, Role.authorities):
 * an admin reaches operator and viewer, an operator viewer, a viewer nothing more. It once held a literal backslash-n
 * instead of a line break, so it read "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER" as one odd role.
 */
class RoleHierarchyTest {

    @Test
    void eachRoleReachesTheRolesItIncludes() {
        assertThat(reachable("ROLE_ADMIN")).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(reachable("ROLE_OPERATOR")).containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(reachable("ROLE_VIEWER")).containsExactly("ROLE_VIEWER");
    }

    private static List<String> reachable(String role) {
        return SecurityConfiguration.roleHierarchy().getReachableGrantedAuthorities(
                AuthorityUtils.createAuthorityList(role)).stream().map(GrantedAuthority::getAuthority).toList();
    }
}
