package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Says why a file was refused and that nothing was stored. */
class ImportErrorDialog extends Dialog {

    ImportErrorDialog(String message) {
        setHeaderTitle("Import failed");
        addClassName("import-error-dialog");
        Paragraph reason = new Paragraph(message);
        reason.addClassName("import-error");
        add(reason, new Paragraph("Nothing was stored. Fix the file and upload it again."));
        Button close = new Button("Close", event -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        setMaxWidth("40em");
    }
}
