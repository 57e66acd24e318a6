package org.chimerabench.endpoint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointUrls;
import org.chimerabench.endpoint.EndpointValidationException;
import org.chimerabench.endpoint.EndpointView;

/** Add or edit an endpoint: name, base URL (http/https with a host), notes. Invalid fields say what is wrong. */
class EndpointDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField baseUrl = new TextField("Base URL");
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");

    EndpointDialog(EndpointService endpoints, EndpointView existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "Add endpoint" : "Edit " + existing.name());
        addClassName("endpoint-dialog");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        baseUrl.setRequiredIndicatorVisible(true);
        baseUrl.setPlaceholder("http://gpu-7:11434");
        baseUrl.setHelperText("The Ollama server's address, http:// or https://");
        baseUrl.addValueChangeListener(e -> {
            String problem = EndpointUrls.problem(e.getValue());
            baseUrl.setInvalid(problem != null);
            baseUrl.setErrorMessage(problem);
        });
        if (existing != null) {
            name.setValue(existing.name());
            baseUrl.setValue(existing.baseUrl());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
        }
        FormLayout form = new FormLayout(name, baseUrl, notes);
        form.setColspan(notes, 2);
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                if (existing == null) {
                    endpoints.add(name.getValue(), baseUrl.getValue(), notes.getValue());
                } else {
                    endpoints.update(existing.id(), name.getValue(), baseUrl.getValue(), notes.getValue());
                }
                close();
                onSaved.run();
            } catch (EndpointValidationException invalid) {
                show(name, invalid.fieldErrors().get("name"));
                show(baseUrl, invalid.fieldErrors().get("baseUrl"));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(40rem, 95vw)");
    }

    private static void show(TextField field, String error) {
        field.setInvalid(error != null);
        field.setErrorMessage(error);
    }
}
