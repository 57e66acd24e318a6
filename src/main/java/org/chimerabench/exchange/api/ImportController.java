package org.chimerabench.exchange.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.chimerabench.exchange.ImportException;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports}: the body is one seed file (CSV or metrics.json, auto-detected), or a multipart
 * upload of several files (part name {@code file} or {@code files}). {@code ?label=} names the sweep,
 * {@code ?into=} appends to an imported sweep, {@code ?filename=} records the source of a raw body.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    record ImportResult(List<Long> sweepIds) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importMultipart(@RequestPart(name = "file", required = false) List<MultipartFile> file,
                                 @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                 @RequestParam(required = false) String label,
                                 @RequestParam(required = false) Long into) {
        List<UploadedFile> uploaded = new ArrayList<>();
        for (List<MultipartFile> parts : List.of(file == null ? List.<MultipartFile>of() : file,
                files == null ? List.<MultipartFile>of() : files)) {
            for (MultipartFile part : parts) {
                uploaded.add(new UploadedFile(part.getOriginalFilename(), bytes(part)));
            }
        }
        return new ImportResult(imports.importFiles(uploaded, label, into));
    }

    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, "text/csv", MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.ALL_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importBody(InputStream body,
                            @RequestParam(required = false) String label,
                            @RequestParam(required = false) Long into,
                            @RequestParam(required = false) String filename) throws IOException {
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, imports.maxFileBytes() + 1));
        String name = filename == null || filename.isBlank() ? "request body" : filename;
        return new ImportResult(imports.importFiles(List.of(new UploadedFile(name, content)), label, into));
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new ImportException(part.getOriginalFilename() + ": could not be read (" + e.getMessage() + ")", e);
        }
    }
}
