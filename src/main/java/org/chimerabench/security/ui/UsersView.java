package org.chimerabench.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.security.UserValidationException;
import org.chimerabench.security.UserView;

/** Administrators manage the team: create users, change a role, disable an account, reset a password. */
@Route("users")
@PageTitle("Users · Chimera Bench")
@Menu(order = 30, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final UserService users;
    final Grid<UserView> grid = new Grid<>();

    UsersView(UserService users) {
        this.users = users;
        addClassName("users-view");
        setSizeFull();
        Button add = new Button("New user", VaadinIcon.PLUS.create(), e -> new NewUserDialog(users, this::refresh)
                .open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("new-user");
        grid.addClassName("users-grid");
        grid.addColumn(UserView::username).setHeader("User").setAutoWidth(true);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(this::enabledBox).setHeader("Enabled").setAutoWidth(true);
        grid.addColumn(u -> DATE.format(u.createdAt())).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(u -> new Button("Reset password", VaadinIcon.KEY.create(),
                e -> new PasswordDialog("New password for " + u.username(), password -> {
                    users.update(u.id(), null, null, password);
                    refresh();
                }).open())).setHeader("");
        add(new ViewToolbar("Users", add), grid);
        refresh();
    }

    private Select<Role> roleSelect(UserView user) {
        Select<Role> role = new Select<>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(user.role());
        role.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(() -> users.update(user.id(), e.getValue(), null, null));
            }
        });
        return role;
    }

    private Checkbox enabledBox(UserView user) {
        Checkbox enabled = new Checkbox(user.enabled());
        enabled.setAriaLabel("Enabled: " + user.username());
        enabled.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(() -> users.update(user.id(), null, e.getValue(), null));
            }
        });
        return enabled;
    }

    private void apply(Runnable change) {
        try {
            change.run();
        } catch (UserValidationException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    void refresh() {
        grid.setItems(users.list());
    }
}
