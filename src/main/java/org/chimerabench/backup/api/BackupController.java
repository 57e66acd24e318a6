package org.chimerabench.backup.api;

import org.chimerabench.backup.BackupService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/backup} (administrators) → 201 {@code {"file","bytes","createdAt"}}: a consistent copy of the
 * H2 database beside it, while the app runs; 409 with what to use instead on PostgreSQL (pg_dump).
 */
@RestController
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping("/api/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    BackupService.Backup backUp() {
        return backups.backUp();
    }
}
