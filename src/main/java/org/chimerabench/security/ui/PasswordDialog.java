package org.chimerabench.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Consumer;
import org.chimerabench.security.UserValidationException;

/** Asks for a new password and hands it on; a refused password says why and the dialog stays open. */
class PasswordDialog extends Dialog {

    final PasswordField password = new PasswordField("New password (at least 10 characters)");

    PasswordDialog(String title, Consumer<String> set) {
        setHeaderTitle(title);
        password.setWidthFull();
        Button save = new Button("Set password", e -> {
            try {
                set.accept(password.getValue());
                close();
            } catch (UserValidationException invalid) {
                password.setInvalid(true);
                password.setErrorMessage(invalid.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(password);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
