package fr.referentia.shared.files;

import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The download path of stored files linked from pages: as {@link FileDownloads}, errors as pages. */
@Controller
class FileDownloadPage {

    private final FileStorage storage;

    FileDownloadPage(FileStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/fichiers/{fileId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID fileId, Authentication who) {
        return FileDownloads.attachment(storage.openFor(who, fileId));
    }
}
