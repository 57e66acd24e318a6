package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chimerabench.exchange.ImportException;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;

/**
 * Upload of one or more seed results files. Files are collected while the browser sends them; when all have
 * arrived they are imported together (so several metrics.json files make one sweep). A bad file opens an
 * error dialog and nothing is stored.
 */
class ImportPanel extends Composite<HorizontalLayout> {

    private final ImportService imports;
    private final Runnable onImported;
    private final List<UploadedFile> received = Collections.synchronizedList(new ArrayList<>());
    private final Upload upload = new Upload();
    private final ProgressBar importing = new ProgressBar();
    private final Span hint = new Span();

    ImportPanel(ImportService imports, Runnable onImported) {
        this.imports = imports;
        this.onImported = onImported;
        upload.setUploadHandler(UploadHandler.inMemory(
                (metadata, bytes) -> received.add(new UploadedFile(metadata.fileName(), bytes))));
        upload.setAcceptedFileTypes(".csv", ".json", "text/csv", "application/json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileBytes()));
        upload.setMaxFiles(500);
        upload.setDropLabel(new Span("Drop the seed CSV or agent metrics.json files here"));
        upload.setUploadButton(new Button("Import results…"));
        upload.addFileRejectedListener(event -> showError(event.getErrorMessage()));
        upload.addAllFinishedListener(event -> importReceived());
        importing.setIndeterminate(true);
        importing.setVisible(false);
        importing.setWidth("12em");
        hint.setText("CSV or metrics.json, up to " + imports.maxFileBytes() / (1024 * 1024) + " MB each;"
                + " several files at once make one sweep per language.");
        hint.addClassName("hint");
        getContent().addClassName("import-panel");
        getContent().setWidthFull();
        getContent().setAlignItems(HorizontalLayout.Alignment.CENTER);
        getContent().setWrap(true);
        getContent().add(upload, hint, importing);
    }

    private void importReceived() {
        List<UploadedFile> files;
        synchronized (received) {
            files = List.copyOf(received);
            received.clear();
        }
        upload.clearFileList();
        if (files.isEmpty()) {
            return;
        }
        importing.setVisible(true);
        try {
            List<Long> ids = imports.importFiles(files, null, null);
            Notification done = Notification.show("Imported " + files.size() + (files.size() == 1 ? " file" : " files")
                    + " into " + ids.size() + (ids.size() == 1 ? " sweep" : " sweeps"), 4000,
                    Notification.Position.BOTTOM_START);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onImported.run();
        } catch (ImportException e) {
            showError(e.getMessage());
        } finally {
            importing.setVisible(false);
        }
    }

    private void showError(String message) {
        new ImportErrorDialog(message).open();
    }
}
