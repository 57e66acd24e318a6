package org.chimerabench.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The login page: user name and password; a failed attempt says so without saying which of the two was wrong. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Chimera Bench")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Log in");
        i18n.getErrorMessage().setTitle("Not logged in");
        i18n.getErrorMessage().setMessage("The user name or password is not right, the account is disabled, or"
                + " there were too many attempts — wait a minute and try again.");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        H1 title = new H1("Chimera Bench");
        title.addClassName("login-title");
        Paragraph hint = new Paragraph("Benchmarks of local LLM inference on Ollama. First start: the user admin,"
                + " with the password from the server's log (or chimera.security.bootstrap-admin-password).");
        hint.addClassName("login-hint");
        add(title, form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
