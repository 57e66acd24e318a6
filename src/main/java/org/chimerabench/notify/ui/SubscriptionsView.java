package org.chimerabench.notify.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.notify.HookValidationException;
import org.chimerabench.notify.NoticeKind;
import org.chimerabench.notify.SubscriptionService;

/** My e-mail subscriptions: which notices to get, at which address. */
@PermitAll
@Route("subscriptions")
@PageTitle("E-mail alerts · Chimera Bench")
@Menu(order = 41, icon = "vaadin:envelope", title = "E-mail alerts")
class SubscriptionsView extends Div {

    final EmailField email = new EmailField("E-mail address");
    final CheckboxGroup<NoticeKind> events = new CheckboxGroup<>("Tell me when");
    final Button save = new Button("Save");
    final Paragraph state = new Paragraph();

    SubscriptionsView(SubscriptionService subscriptions) {
        addClassName("subscriptions-view");
        getStyle().set("max-width", "48rem").set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box");
        events.setItems(Arrays.asList(NoticeKind.values()));
        events.setItemLabelGenerator(NoticeKind::label);
        SubscriptionService.Subscriptions mine = subscriptions.mine();
        if (mine.email() != null) {
            email.setValue(mine.email());
        }
        events.setValue(mine.events());
        state.addClassName("subscriptions-state");
        state.setText(mine.mailConfigured() ? "" : "No mail server is configured (spring.mail.host): nothing is"
                + " e-mailed until an admin sets one. Your choices are kept.");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            email.setInvalid(false);
            try {
                subscriptions.setMine(email.getValue(), events.getValue().stream().map(Enum::name).toList());
                Notification.show(events.getValue().isEmpty() ? "Unsubscribed from every e-mail."
                        : "Saved: " + events.getValue().size() + " kinds of e-mail to " + email.getValue() + ".");
            } catch (HookValidationException invalid) {
                invalid.fields().forEach((field, message) -> {
                    if (field.equals("email")) {
                        email.setInvalid(true);
                        email.setErrorMessage(message);
                    } else {
                        events.setInvalid(true);
                        events.setErrorMessage(message);
                    }
                });
            }
        });
        add(new ViewToolbar("E-mail alerts"), state, email, events, save);
    }
}
