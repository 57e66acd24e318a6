package org.chimerabench.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.test.context.support.WithMockUser;

/** The test runs signed in as a admin (with the roles a admin includes, as a real login grants them). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@WithMockUser(username = "admin", roles = {"ADMIN", "OPERATOR", "VIEWER"})
public @interface AsAdmin {
}
