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
import org.chimerabench.endpoint.ServerSettings;

/**
 * Add or edit an endpoint: name, base URL (http/https with a host), notes, server settings. Invalid fields say what
 * is wrong; nothing is saved while the server settings are unreadable.
 */
class EndpointDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField baseUrl = new TextField("Base URL");
    final TextArea notes = new TextArea("Notes");
    final TextArea serverSettings = new TextArea("Server settings");
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
            serverSettings.setValue(ServerSettings.format(existing.serverSettings()));
        }
        serverSettings.setPlaceholder("OLLAMA_NUM_PARALLEL=4\nOLLAMA_FLASH_ATTENTION=1");
        serverSettings.setHelperText("How the server is started, one NAME=value per line: kept with every sweep"
                + " run on it, so results can be compared across settings");
        FormLayout form = new FormLayout(name, baseUrl, notes, serverSettings);
        form.setColspan(notes, 2);
        form.setColspan(serverSettings, 2);
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                ServerSettings.parse(serverSettings.getValue()); // checked before anything is saved
            } catch (IllegalArgumentException wrong) {
                serverSettings.setInvalid(true);
                serverSettings.setErrorMessage(wrong.getMessage());
                return;
            }
            serverSettings.setInvalid(false);
            try {
                EndpointView saved = existing == null
                        ? endpoints.add(name.getValue(), baseUrl.getValue(), notes.getValue())
                        : endpoints.update(existing.id(), name.getValue(), baseUrl.getValue(), notes.getValue());
                endpoints.setServerSettings(saved.id(), serverSettings.getValue());
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
