package fr.referentia.shared.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the file storage's purge every night ({@code referentia.files.purge-cron}). */
@Component
class FilePurgeJob {

    private static final Logger log = LoggerFactory.getLogger(FilePurgeJob.class);

    private final FileStorage storage;

    FilePurgeJob(FileStorage storage) {
        this.storage = storage;
    }

    @Scheduled(cron = "${referentia.files.purge-cron:0 45 3 * * *}", zone = "Europe/Paris")
    void purge() {
        FileStorage.Purge purge = storage.purge();
        log.info("Purge des fichiers : {} fichier(s) échu(s), {} ligne(s) sans contenu, {} contenu(s) orphelin(s) "
                + "ou temporaire(s)", purge.expired(), purge.missingContents(), purge.leftovers());
    }
}
