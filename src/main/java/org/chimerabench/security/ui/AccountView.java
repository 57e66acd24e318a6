package org.chimerabench.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.Panel;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.security.ApiTokenService;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.security.UserService;
import org.chimerabench.security.UserValidationException;

/** The signed-in user's own account: change the password; create and revoke personal API tokens. */
@Route("account")
@PageTitle("My account · Chimera Bench")
@Menu(order = 40, icon = "vaadin:user", title = "My account")
@PermitAll
class AccountView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ApiTokenService tokens;
    private final String me;
    final Grid<ApiTokenService.TokenView> tokenGrid = new Grid<>();
    final Grid<ShareLinkService.ShareView> shareGrid = new Grid<>();
    private final ShareLinkService shares;
    private final boolean operator;

    AccountView(UserService users, ApiTokenService tokens, ShareLinkService shares,
                AuthenticationContext authentication) {
        this.tokens = tokens;
        this.shares = shares;
        this.me = authentication.getPrincipalName().orElseThrow();
        addClassName("account-view");
        add(new ViewToolbar("My account"), passwordPanel(users), tokenPanel());
        // courtesy: ShareLinkService checks the role itself
        this.operator = authentication.hasRole(Role.OPERATOR.name());
        if (operator) {
            add(sharePanel());
        }
        refresh();
    }

    private Panel sharePanel() {
        shareGrid.addClassName("share-grid");
        shareGrid.setAllRowsVisible(true);
        shareGrid.addColumn(l -> l.sweepB() == null ? "Sweep " + l.sweepA()
                : "Sweeps " + l.sweepA() + " and " + l.sweepB()).setHeader("Opens");
        shareGrid.addColumn(l -> l.createdBy()).setHeader("By");
        shareGrid.addColumn(l -> WHEN.format(l.createdAt())).setHeader("Created");
        shareGrid.addColumn(l -> l.expiresAt() == null ? "never" : WHEN.format(l.expiresAt())).setHeader("Expires");
        shareGrid.addComponentColumn(l -> {
            Button revoke = new Button("Revoke", e -> {
                shares.revoke(l.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.addClassName("revoke-share");
            return revoke;
        }).setKey("revoke");
        return new Panel("Share links", "Read-only links you created (an administrator sees everyone's). A revoked"
                + " link answers “not found” at once.", shareGrid);
    }

    private Panel passwordPanel(UserService users) {
        PasswordField current = new PasswordField("Current password");
        PasswordField next = new PasswordField("New password (at least 10 characters)");
        Button change = new Button("Change password", e -> {
            try {
                users.changeOwnPassword(me, current.getValue(), next.getValue());
                current.clear();
                next.clear();
                current.setInvalid(false);
                next.setInvalid(false);
                Notification.show("Password changed");
            } catch (UserValidationException invalid) {
                current.setInvalid(invalid.fieldErrors().containsKey("current"));
                current.setErrorMessage(invalid.fieldErrors().get("current"));
                next.setInvalid(invalid.fieldErrors().containsKey("password"));
                next.setErrorMessage(invalid.fieldErrors().get("password"));
            }
        });
        HorizontalLayout form = new HorizontalLayout(current, next, change);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return new Panel("Password", "Signed in as " + me + ".", form);
    }

    private Panel tokenPanel() {
        TextField name = new TextField();
        name.setPlaceholder("What it is for, e.g. CI");
        Button create = new Button("Create token", VaadinIcon.KEY.create(), e -> {
            ApiTokenService.Created created = tokens.create(me, name.getValue());
            name.clear();
            refresh();
            showOnce(created.token());
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("create-token");
        tokenGrid.addClassName("token-grid");
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.addColumn(ApiTokenService.TokenView::name).setHeader("Token");
        tokenGrid.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Created");
        tokenGrid.addColumn(t -> t.lastUsedAt() == null ? Numbers.NONE : WHEN.format(t.lastUsedAt()))
                .setHeader("Last used");
        tokenGrid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(me, t.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        HorizontalLayout add = new HorizontalLayout(name, create);
        return new Panel("API tokens", "For scripts and CI: send Authorization: Bearer <token> to the REST API; it"
                + " acts with your role. A token is shown once, when it is created.", add, tokenGrid);
    }

    private static void showOnce(String token) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Your new API token");
        TextField value = new TextField();
        value.setValue(token);
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("new-token");
        dialog.add(new Paragraph("Copy it now: it is not shown again (only its hash is stored)."), value);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.setWidth("36em");
        dialog.open();
    }

    private void refresh() {
        tokenGrid.setItems(tokens.list(me));
        if (operator) {
            shareGrid.setItems(shares.list());
        }
    }
}
