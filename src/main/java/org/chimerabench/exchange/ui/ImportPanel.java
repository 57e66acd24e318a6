package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chimerabench.exchange.ImportException;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;

/**
 * Upload of one or more seed results files. The browser sends the files (with per-file progress); they are
 * then imported together on "Import" — so several metrics.json files make one sweep. A bad file opens an
 * error dialog and nothing is stored.
 */
class ImportPanel extends Composite<HorizontalLayout> {

    private final ImportService imports;
    private final Consumer<List<Long>> onImported;
    private final List<UploadedFile> received = new ArrayList<>();
    private final Upload upload = new Upload();
    private final Button importButton = new Button("Import", VaadinIcon.CHECK.create(), event -> importReceived());
    private final Button clearButton = new Button("Clear", event -> clear());
    private final ProgressBar importing = new ProgressBar();
    private final Span hint = new Span();

    /** {@code onImported} receives the ids of the new sweeps. */
    ImportPanel(ImportService imports, Consumer<List<Long>> onImported) {
        this.imports = imports;
        this.onImported = onImported;
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            UploadedFile file = new UploadedFile(metadata.fileName(), bytes);
            upload.getUI().ifPresent(ui -> ui.access(() -> fileReceived(file)));
        }));
        upload.setAcceptedFileTypes(".csv", ".json", "text/csv", "application/json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileBytes()));
        upload.setMaxFiles(500);
        upload.setDropLabel(new Span("Drop the seed CSV or agent metrics.json files here"));
        upload.setUploadButton(new Button("Choose files…", VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(event -> new ImportErrorDialog(event.getFileName() + ": "
                + event.getErrorMessage()).open());
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClassName("import-button");
        importing.setIndeterminate(true);
        importing.setWidth("10em");
        hint.addClassName("hint");
        getContent().addClassName("import-panel");
        getContent().setWidthFull();
        getContent().setAlignItems(HorizontalLayout.Alignment.CENTER);
        getContent().setWrap(true);
        getContent().add(upload, importButton, clearButton, importing, hint);
        showPending();
    }

    private void fileReceived(UploadedFile file) {
        received.removeIf(existing -> existing.fileName().equals(file.fileName()));
        received.add(file);
        showPending();
    }

    private void importReceived() {
        List<UploadedFile> files = List.copyOf(received);
        if (files.isEmpty()) {
            return;
        }
        importing.setVisible(true);
        try {
            List<Long> ids = imports.importFiles(files, null, null);
            Notification done = Notification.show("Imported " + plural(files.size(), "file") + " into "
                    + plural(ids.size(), "sweep"), 4000, Notification.Position.BOTTOM_START);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            clear();
            onImported.accept(ids);
        } catch (ImportException e) {
            new ImportErrorDialog(e.getMessage()).open();
        } finally {
            importing.setVisible(false);
        }
    }

    private void clear() {
        received.clear();
        upload.clearFileList();
        showPending();
    }

    private void showPending() {
        boolean pending = !received.isEmpty();
        importButton.setText(pending ? "Import " + plural(received.size(), "file") : "Import");
        importButton.setVisible(pending);
        clearButton.setVisible(pending);
        importing.setVisible(false);
        hint.setText(pending ? "Files with the same language become one sweep."
                : "The seed summary CSV or agent metrics.json files, up to " + imports.maxFileBytes() / (1024 * 1024)
                + " MB each. Choose several at once to import them into one sweep.");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
