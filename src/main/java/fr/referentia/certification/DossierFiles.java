package fr.referentia.certification;

import fr.referentia.shared.files.FileLimits;
import fr.referentia.shared.files.FilePurpose;
import fr.referentia.shared.files.StoredFile;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The files of a VAE dossier: proofs (documents, tools, offers the candidate wrote) and the written
 * pieces a question asks for. PDF, DOCX, ODT or images, 15 MB each, 100 MB per candidate; kept six
 * years like the application (R12). Read only by those who may read the dossier.
 */
@Component
class DossierFiles implements FilePurpose {

    static final String NAME = "dossier-vae";

    private final DossierFileRepository files;
    private final DossierReaders readers;

    DossierFiles(DossierFileRepository files, DossierReaders readers) {
        this.files = files;
        this.readers = readers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Preuve ou document écrit du dossier VAE";
    }

    @Override
    public FileLimits limits() {
        return FileLimits.of(Set.of(FileLimits.PDF, FileLimits.DOCX, FileLimits.ODT, FileLimits.PNG, FileLimits.JPEG),
                DataSize.ofMegabytes(15), DataSize.ofMegabytes(100), Period.ofYears(6));
    }

    @Override
    public boolean mayRead(Authentication who, StoredFile file) {
        return files.findByFileId(file.id())
                .map(dossierFile -> readers.mayRead(who.getName(), dossierFile.getApplicationId()))
                .orElse(false);
    }

    @Override
    public Optional<String> mustKeep(StoredFile file) {
        return files.findByFileId(file.id()).map(f -> "Pièce d'un dossier VAE : elle est conservée avec la "
                + "candidature (six ans).");
    }
}
