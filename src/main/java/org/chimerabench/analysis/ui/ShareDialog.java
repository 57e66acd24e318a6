package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.security.UserValidationException;

/** Creates a read-only link to this sweep's results for people without a login, optionally expiring. */
class ShareDialog extends Dialog {

    final IntegerField days = new IntegerField("Expires after (days)");
    final TextField link = new TextField("Link");

    ShareDialog(ShareLinkService shares, long sweepId) {
        this(shares, sweepId, null);
    }

    /** {@code other}: the second sweep of a shared comparison, or null for one sweep's results. */
    ShareDialog(ShareLinkService shares, long sweepId, Long other) {
        setHeaderTitle(other == null ? "Share these results" : "Share this comparison");
        days.setHelperText("Empty = until revoked");
        days.setMin(1);
        days.setMax(3650);
        link.setReadOnly(true);
        link.setVisible(false);
        link.setWidthFull();
        link.addClassName("share-link");
        Paragraph what = new Paragraph("Anyone with the link sees " + (other == null ? "this sweep's results"
                : "both sweeps' results") + " and the printable report — nothing else, and they cannot change"
                + " anything. Revoke it with DELETE /api/shares/{id}.");
        Button create = new Button("Create link", e -> {
            try {
                ShareLinkService.Created created = shares.create(sweepId, other, days.getValue());
                link.setValue(created.url());
                link.setVisible(true);
                if (created.url().startsWith("/")) { // no chimera.public-url: the browser knows the address
                    link.getElement().executeJs("this.value = window.location.origin + $0", created.url());
                }
                e.getSource().setEnabled(false);
                add(new Anchor(created.url().startsWith("/") ? created.url().substring(1) : created.url(), "Open it"));
            } catch (UserValidationException invalid) {
                days.setInvalid(true);
                days.setErrorMessage(invalid.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("create-share");
        add(what, days, link);
        getFooter().add(new Button("Close", e -> close()), create);
        setWidth("34em");
    }
}
