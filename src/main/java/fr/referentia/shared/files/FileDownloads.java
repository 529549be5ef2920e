package fr.referentia.shared.files;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one download path of stored files, in the API (its errors as problem details); the pages'
 * path is {@link FileDownloadPage}. The file's purpose decides whether the caller may read it (404
 * otherwise, as for an unknown file); the answer is always an attachment, never sniffed, never
 * cached.
 */
@RestController
class FileDownloads {

    private final FileStorage storage;

    FileDownloads(FileStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/api/v1/files/{fileId}")
    @Operation(summary = "Télécharger un fichier déposé",
            description = "Réponse en pièce jointe ; 404 si le fichier n'existe pas ou si l'appelant ne peut pas le lire.")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID fileId, Authentication who) {
        return attachment(storage.openFor(who, fileId));
    }

    static ResponseEntity<InputStreamResource> attachment(FileStorage.Download download) {
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.originalName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(download.content()));
    }
}
