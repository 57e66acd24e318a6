package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStateException;

/** Deletes the sweep after a confirmation that says what goes; then shows the list of sweeps. */
class DeleteSweepButton extends Button {

    DeleteSweepButton(SweepService sweeps, SweepDetails sweep) {
        super("Delete sweep", VaadinIcon.TRASH.create());
        addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        addClassName("delete-sweep");
        addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete “" + sweep.name() + "”?",
                    "The sweep, its " + sweep.progress().done() + " stored calls and everything computed from them are"
                            + " deleted. This cannot be undone.", "Delete", yes -> delete(sweeps, sweep));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
    }

    private void delete(SweepService sweeps, SweepDetails sweep) {
        try {
            sweeps.delete(sweep.id());
            getUI().ifPresent(ui -> ui.navigate("sweeps"));
            Notification.show("Deleted “" + sweep.name() + "”");
        } catch (SweepStateException active) {
            Notification.show(active.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
