package org.chimerabench.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.security.AuditEntry;
import org.chimerabench.security.AuditLog;

/** The audit log for administrators: who did what, when, from where — filtered by user and action. */
@Route("audit")
@PageTitle("Audit log · Chimera Bench")
@Menu(order = 35, icon = "vaadin:archive", title = "Audit log")
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    static final int SHOWN = 500;

    private final AuditLog audit;
    final TextField user = new TextField("User");
    final Select<AuditAction> action = new Select<>();
    final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditLog audit) {
        this.audit = audit;
        addClassName("audit-view");
        setSizeFull();
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.addValueChangeListener(e -> refresh());
        action.setLabel("Action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> a == null ? "Any" : a.label());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Any");
        action.addValueChangeListener(e -> refresh());
        grid.addClassName("audit-grid");
        grid.addColumn(e -> WHEN.format(e.at().withOffsetSameInstant(ZoneOffset.UTC))).setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(e -> e.username() == null ? Numbers.NONE : e.username()).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::what).setHeader("What").setAutoWidth(true);
        grid.addColumn(e -> e.target() == null ? "" : e.target()).setHeader("Target").setAutoWidth(true);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail").setFlexGrow(1);
        grid.addColumn(e -> e.address() == null ? Numbers.NONE : e.address()).setHeader("From").setAutoWidth(true);
        HorizontalLayout filters = new HorizontalLayout(user, action);
        add(new ViewToolbar("Audit log"), filters, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(audit.search(user.getValue(), action.getValue(), SHOWN));
    }
}
