package org.chimerabench.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.security.UserValidationException;

/** Creates a user: name, first password, role; every wrong field says why and nothing is stored. */
class NewUserDialog extends Dialog {

    final TextField username = new TextField("User name");
    final PasswordField password = new PasswordField("Password (at least 10 characters)");
    final Select<Role> role = new Select<>();

    NewUserDialog(UserService users, Runnable created) {
        setHeaderTitle("New user");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::description);
        role.setValue(Role.VIEWER);
        Button save = new Button("Create", e -> {
            try {
                users.create(username.getValue().strip(), password.getValue(), role.getValue());
                created.run();
                close();
            } catch (UserValidationException invalid) {
                mark(username, invalid.fieldErrors().get("username"));
                mark(password, invalid.fieldErrors().get("password"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("create-user");
        add(new FormLayout(username, password, role));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static void mark(HasValidation field, String error) {
        field.setInvalid(error != null);
        field.setErrorMessage(error);
    }
}
