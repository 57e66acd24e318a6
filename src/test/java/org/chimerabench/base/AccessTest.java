package org.chimerabench.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The role expressions an annotation needs as constants name the roles of {@link Role}, letter for letter. */
class AccessTest {

    @Test
    void theExpressionsNameTheRoles() {
        assertThat(Access.OPERATOR).isEqualTo("hasRole('" + Role.OPERATOR.name() + "')");
        assertThat(Access.ADMIN).isEqualTo("hasRole('" + Role.ADMIN.name() + "')");
    }
}
