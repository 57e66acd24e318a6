package org.chimerabench.exchange;

/** One uploaded results file: its name (for messages and the sweep's source) and its bytes. */
public record UploadedFile(String fileName, byte[] content) {

    public UploadedFile {
        fileName = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        content = content == null ? new byte[0] : content;
    }
}
