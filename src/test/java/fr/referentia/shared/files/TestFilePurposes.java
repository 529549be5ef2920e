package fr.referentia.shared.files;

import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;

/** Purposes declared for the tests only, as a module would declare its own. */
@Configuration
public class TestFilePurposes {

    /** Proofs: PDF, DOCX, PNG or text, 64 KB each, 100 KB per owner, kept 30 days, read by their owner only. */
    public static final String PROOFS = "test-preuve";

    /** A written piece: PDF or DOCX of 5 to 10 pages, kept when its owner asks for erasure. */
    public static final String WRITTEN_PIECES = "test-ecrit";

    record TestPurpose(String name, String label, FileLimits limits, String keepReason) implements FilePurpose {

        @Override
        public boolean mayRead(Authentication who, StoredFile file) {
            return who.getName().equals(file.owner());
        }

        @Override
        public Optional<String> mustKeep(StoredFile file) {
            return Optional.ofNullable(keepReason);
        }
    }

    @Bean
    FilePurpose testProofs() {
        return new TestPurpose(PROOFS, "Preuve (essai)", FileLimits.of(
                Set.of(FileLimits.PDF, FileLimits.DOCX, FileLimits.PNG, FileLimits.TEXT), DataSize.ofKilobytes(64),
                DataSize.ofKilobytes(100), Period.ofDays(30)), null);
    }

    @Bean
    FilePurpose testWrittenPieces() {
        return new TestPurpose(WRITTEN_PIECES, "Écrit (essai)", FileLimits.of(Set.of(FileLimits.PDF, FileLimits.DOCX),
                DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), Period.ofYears(1)).withPages(5, 10),
                "Pièce d'un dossier en cours d'examen.");
    }
}
