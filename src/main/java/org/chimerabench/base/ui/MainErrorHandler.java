package org.chimerabench.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Unexpected errors in the UI: logged in full, shown to the user as a short notification. */
@Configuration
class MainErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Bean
    VaadinServiceInitListener errorHandlerInitializer() {
        return event -> event.getSource().addSessionInitListener(
                sessionInit -> sessionInit.getSession().setErrorHandler(errorHandler()));
    }

    /** A closed tab or browser mid-response (broken pipe) is not an application error. */
    private static boolean isClientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private static ErrorHandler errorHandler() {
        return (ErrorEvent event) -> {
            if (isClientGone(event.getThrowable())) {
                log.debug("Browser went away during a response", event.getThrowable());
                return;
            }
            log.error("Unexpected error in the UI", event.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    Notification notification = Notification.show(
                            "Something went wrong; the details are in the server log.", 5000,
                            Notification.Position.TOP_CENTER);
                    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        };
    }
}
