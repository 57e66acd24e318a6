package org.chimerabench.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.ClassUtils;

/**
 * Karibu set-up shared by the view tests. The feature views are package-private, which Karibu's auto-discovery
 * skips, so every {@code @Route} class of the app is found by a classpath scan and registered.
 */
public final class KaribuViews {

    private static final Routes ROUTES = routes();

    private KaribuViews() {
    }

    @SuppressWarnings("unchecked")
    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("org.chimerabench");
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition view : scan.findCandidateComponents("org.chimerabench")) {
            Class<?> type = ClassUtils.resolveClassName(view.getBeanClassName(), KaribuViews.class.getClassLoader());
            if (!routes.getRoutes().contains(type)) {
                routes.getRoutes().add((Class<? extends Component>) type);
            }
        }
        return routes;
    }

    /**
     * A mocked Vaadin session whose request carries the test's signed-in user ({@code @AsAdmin}, …): Spring
     * Security's request wrapper does not run without a servlet container, so the principal and its roles are
     * put on the fake request for Vaadin's view access control.
     */
    public static void setUp(ApplicationContext context) {
        SecurityContextHolderStrategy strategy = context.getBean(SecurityContextHolderStrategy.class);
        SecurityContext signedIn = strategy.getContext().getAuthentication() != null ? strategy.getContext()
                : TestUser.current() != null ? TestUser.current() : strategy.createEmptyContext();
        Authentication user = signedIn.getAuthentication();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        if (user != null) {
            // where Vaadin's security-context strategy looks while a Vaadin session is current
            VaadinSession.getCurrent().getSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(user);
            request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)));
        }
    }

    public static void tearDown() {
        MockVaadin.tearDown();
    }
}
