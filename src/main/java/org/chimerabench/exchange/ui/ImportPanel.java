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

    /** All chosen files together, at most (what the server keeps in memory until Import). */
    static final long MAX_PENDING_BYTES = 200L * 1024 * 1024;

    /**
     * A file arrived. Checked here on the server — the browser's limits are a courtesy: too large, too many
     * together, or a second file of a name already chosen (it silently replaced the first) is refused with a message.
     */
    void fileReceived(UploadedFile file) {
        String refused = null;
        if (file.content().length > imports.maxFileBytes()) {
            refused = file.fileName() + " has " + file.content().length / (1024 * 1024) + " MB; at most "
                    + imports.maxFileBytes() / (1024 * 1024) + " MB per file";
        } else if (received.stream().anyMatch(existing -> existing.fileName().equals(file.fileName()))) {
            refused = "A file named " + file.fileName() + " is chosen already; rename one of them, or Clear and"
                    + " choose again";
        } else if (received.size() >= 500 || received.stream().mapToLong(f -> f.content().length).sum()
                + file.content().length > MAX_PENDING_BYTES) {
            refused = file.fileName() + " is one too many: at most 500 files and " + MAX_PENDING_BYTES / (1024 * 1024)
                    + " MB together; import these first";
        }
        if (refused != null) {
            new ImportErrorDialog(refused).open();
            return;
        }
        received.add(file);
        showPending();
    }

    /** Files chosen and not imported yet. */
    int pending() {
        return received.size();
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
