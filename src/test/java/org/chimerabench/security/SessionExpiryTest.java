package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.chimerabench.base.Role;
import org.chimerabench.support.SignedIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 25: disabling, demoting or resetting a user left their open browser sessions with the old rights (only API
 * tokens re-checked). Now each such change expires the user's sessions: the next page load goes to the login page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionExpiryTest {

    static final String PASSWORD = "a-long-test-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"disabled", "demoted", "password reset"})
    void aChangeOfRightsEndsTheUsersOpenSessions(String change) throws Exception {
        String name = "eve-" + change.replace(' ', '-');
        long id = SignedIn.asAdmin(context, () -> users.create(name, PASSWORD, Role.OPERATOR).id());
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(name).password(PASSWORD))
                .andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        assertThat(mvc.perform(get("/api/sweeps").session(session)).andReturn().getResponse().getStatus())
                .as("signed in").isEqualTo(200);

        SignedIn.asAdmin(context, () -> switch (change) {
            case "disabled" -> users.update(id, null, false, null);
            case "demoted" -> users.update(id, Role.VIEWER, null, null);
            default -> users.update(id, null, null, "another-long-password");
        });
        if (change.equals("demoted")) { // a page first: the views' chain ends the session by itself
            MockHttpServletResponse page = mvc.perform(get("/sweeps").session(session)).andReturn().getResponse();
            assertThat(page.getStatus()).as("a page with the old session").isEqualTo(302);
            assertThat(page.getRedirectedUrl()).endsWith("/login");
            assertThat(mvc.perform(get("/api/sweeps").session(session)).andReturn().getResponse().getStatus())
                    .isEqualTo(401);
            return;
        }
        MockHttpServletResponse api = mvc.perform(get("/api/sweeps").session(session)).andReturn().getResponse();
        assertThat(api.getStatus()).as("the API with the old session").isEqualTo(401);
        assertThat(api.getContentAsString()).contains("Your session ended: your account was changed.");
        MockHttpServletResponse page = mvc.perform(get("/sweeps").session(session)).andReturn().getResponse();
        assertThat(page.getStatus()).as("a page with the old session").isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/login");
    }
}
