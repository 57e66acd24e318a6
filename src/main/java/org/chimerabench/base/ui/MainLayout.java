package org.chimerabench.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.chimerabench.base.Role;

/**
 * The application shell: brand, a side navigation listing the views the signed-in user may open (from
 * {@code @Menu} and their access annotations), and who is signed in, with Log out.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), account(authentication));
    }

    private static Div account(AuthenticationContext authentication) {
        Div account = new Div();
        account.addClassName("account");
        authentication.getPrincipalName().ifPresent(name -> {
            Span who = new Span(name + " · " + role(authentication));
            who.addClassName("account-name");
            Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.addClassName("logout");
            account.add(who, logout);
        });
        return account;
    }

    private static String role(AuthenticationContext authentication) {
        return authentication.hasRole(Role.ADMIN.name()) ? "administrator"
                : authentication.hasRole(Role.OPERATOR.name()) ? "operator" : "viewer";
    }

    private static Div brand() {
        Icon logo = VaadinIcon.CHART_3D.create();
        logo.addClassName("brand-logo");
        Span name = new Span("Chimera Bench");
        name.addClassName("brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        if (entry.icon() != null) {
            return new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
        }
        return new SideNavItem(entry.title(), entry.path());
    }
}
