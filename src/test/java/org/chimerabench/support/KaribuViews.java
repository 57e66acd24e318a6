package org.chimerabench.support;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
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

    public static void setUp(ApplicationContext context) {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
    }
}
