package fr.referentia.shared.files;

import static fr.referentia.shared.files.TestFilePurposes.PROOFS;
import static fr.referentia.shared.files.TestFilePurposes.WRITTEN_PIECES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.referentia.IntegrationTest;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

@IntegrationTest
class FileStorageTest {

    @Autowired
    FileStorage storage;

    @Autowired
    FileStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    FileStorageSettings settings;

    @Autowired
    List<FilePurpose> purposes;

    @Autowired
    MockMvc mvc;

    @Autowired
    StoredFilesPersonalData personalData;

    private static String owner() {
        return "depot-" + UUID.randomUUID().toString().substring(0, 8) + "@essai.example.fr";
    }

    private StoredFile store(String owner, String purpose, String name, byte[] content) {
        return storage.store(owner, purpose, name, new ByteArrayInputStream(content));
    }

    private static byte[] text(int size) {
        return "a".repeat(size).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aFileIsStoredWithTheTypeDetectedFromItsContentNotItsNameWithItsSizeHashPagesAndRetention() throws Exception {
        byte[] pdf = SampleFiles.pdf(2);
        String owner = owner();

        StoredFile file = store(owner, PROOFS, "C:\\Mes documents\\preuve.docx", pdf);

        assertThat(file.mediaType()).isEqualTo(FileLimits.PDF);
        assertThat(file.originalName()).isEqualTo("preuve.docx");
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(file.pageCount()).isEqualTo(2);
        assertThat(file.retainUntil()).isEqualTo(ZonedDateTime.ofInstant(file.createdAt(), clock.getZone())
                .plusDays(30).toInstant());
        assertThat(storage.find(file.id())).contains(file);
        assertThat(storage.filesOf(owner)).containsExactly(file);
        try (InputStream in = storage.open(file.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void textNamedLikeAPdfIsRefusedForAPurposeThatTakesOnlyPdfAndDocxAndNothingIsStored() throws IOException {
        String owner = owner();
        int entries = store.entries().size();

        assertThatThrownBy(() -> store(owner, WRITTEN_PIECES, "ecrit.pdf", text(100)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Le fichier « ecrit.pdf » est de type texte, qui n'est pas accepté pour « Écrit (essai) » : "
                        + "formats acceptés : DOCX (Word), PDF.");

        assertThat(storage.filesOf(owner)).isEmpty();
        assertThat(store.entries()).hasSize(entries);
    }

    @Test
    void aCorruptPdfIsRefusedWithAClearMessage() throws IOException {
        String owner = owner();
        byte[] truncated = SampleFiles.pdf(3);
        byte[] corrupt = ("%PDF-1.7\n" + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII);
        int entries = store.entries().size();

        assertThatThrownBy(() -> store(owner, PROOFS, "preuve.pdf", corrupt))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Le PDF est endommagé ou illisible");
        assertThatThrownBy(() -> store(owner, PROOFS, "preuve.pdf", java.util.Arrays.copyOf(truncated, 40)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Le PDF est endommagé ou illisible");

        assertThat(storage.filesOf(owner)).isEmpty();
        assertThat(store.entries()).hasSize(entries);
    }

    @Test
    void aPasswordProtectedPdfIsRefusedWithAClearMessage() {
        String owner = owner();

        assertThatThrownBy(() -> store(owner, PROOFS, "preuve.pdf", SampleFiles.passwordProtectedPdf()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Le PDF est protégé par un mot de passe ou chiffré : déposez une version sans protection.");
        assertThat(storage.filesOf(owner)).isEmpty();
    }

    @Test
    void aDocxPageCountIsTheOneItsPropertiesStateAndIsCheckedAgainstThePurposeRange() {
        String owner = owner();

        StoredFile seven = store(owner, WRITTEN_PIECES, "ecrit.bin", SampleFiles.docx(7));

        assertThat(seven.mediaType()).isEqualTo(FileLimits.DOCX);
        assertThat(seven.pageCount()).isEqualTo(7);
        assertThatThrownBy(() -> store(owner, WRITTEN_PIECES, "court.docx", SampleFiles.docx(3)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("« court.docx » compte 3 pages : il en faut entre 5 et 10 pages.");
        assertThatThrownBy(() -> store(owner, WRITTEN_PIECES, "long.pdf", SampleFiles.pdf(11)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("« long.pdf » compte 11 pages : il en faut entre 5 et 10 pages.");
        assertThatThrownBy(() -> store(owner, WRITTEN_PIECES, "sans-pages.docx", SampleFiles.docx(null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Le nombre de pages de « sans-pages.docx » n'a pas pu être lu");
        assertThat(storage.filesOf(owner)).containsExactly(seven);
    }

    @Test
    void aDocxWithoutStatedPagesIsStoredWithoutAPageCountWhenThePurposeCountsNone() {
        StoredFile file = store(owner(), PROOFS, "preuve.docx", SampleFiles.docx(null));

        assertThat(file.mediaType()).isEqualTo(FileLimits.DOCX);
        assertThat(file.pageCount()).isNull();
    }

    @Test
    void aFileLargerThanThePurposeAllowsIsRefusedAndNothingIsStored() throws IOException {
        String owner = owner();
        int entries = store.entries().size();

        assertThatThrownBy(() -> store(owner, PROOFS, "gros.txt", text(64 * 1024 + 1)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Le fichier « gros.txt » dépasse la taille maximale de 64 Ko.");
        assertThatThrownBy(() -> store(owner, PROOFS, "vide.txt", new byte[0]))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Le fichier « vide.txt » est vide.");
        assertThatThrownBy(() -> store(owner, PROOFS, "  /  ", text(10)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Le fichier n'a pas de nom");

        assertThat(store(owner, PROOFS, "juste.txt", text(64 * 1024)).size()).isEqualTo(64 * 1024);
        assertThat(storage.filesOf(owner)).hasSize(1);
        assertThat(store.entries()).hasSize(entries + 1);
    }

    @Test
    void theFilesOfOneOwnerForOnePurposeCannotExceedTheirTotalWhileOtherOwnersAreUnaffected() {
        String owner = owner();
        store(owner, PROOFS, "un.txt", text(40 * 1024));
        store(owner, PROOFS, "deux.txt", text(40 * 1024));

        assertThatThrownBy(() -> store(owner, PROOFS, "trois.txt", text(40 * 1024)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Avec « trois.txt » (40 Ko), vos fichiers pour cet usage dépasseraient 100 Ko : supprimez-en "
                        + "d'abord (80 Ko déjà déposés).");
        assertThat(store(owner(), PROOFS, "trois.txt", text(40 * 1024))).isNotNull();
        assertThat(storage.filesOf(owner)).hasSize(2);
    }

    @Test
    void aFileStoredInATransactionThatRollsBackLeavesNeitherRowNorContent() {
        String owner = owner();
        StoredFile file = new TransactionTemplate(transactionManager).execute(status -> {
            StoredFile stored = store(owner, PROOFS, "annule.txt", text(10));
            assertThat(store.exists(stored.id())).as("in place before the row commits").isTrue();
            status.setRollbackOnly();
            return stored;
        });

        assertThat(storage.find(file.id())).isEmpty();
        assertThat(store.exists(file.id())).isFalse();
    }

    @Test
    void aDeletedFileLosesItsRowAndItsContent() {
        StoredFile file = store(owner(), PROOFS, "efface.txt", text(10));

        storage.delete(file.id());

        assertThat(storage.find(file.id())).isEmpty();
        assertThat(store.exists(file.id())).isFalse();
        assertThatThrownBy(() -> storage.open(file.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDownloadIsAnUncachedUnsniffedAttachmentForWhomThePurposeAllowsAndA404ForAnyoneElse() throws Exception {
        String owner = owner();
        byte[] pdf = SampleFiles.pdf(1);
        StoredFile file = store(owner, PROOFS, "relevé de notes.pdf", pdf);

        for (String path : List.of("/fichiers/", "/api/v1/files/")) {
            MockHttpServletResponse mine = mvc.perform(get(path + file.id()).with(user(owner))).andReturn().getResponse();
            assertThat(mine.getStatus()).isEqualTo(200);
            assertThat(mine.getContentAsByteArray()).isEqualTo(pdf);
            assertThat(mine.getContentType()).isEqualTo(FileLimits.PDF);
            assertThat(mine.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                    .contains("filename*=UTF-8''relev%C3%A9%20de%20notes.pdf");
            assertThat(mine.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(mine.getHeaders(HttpHeaders.CACHE_CONTROL)).anySatisfy(value -> assertThat(value).contains("no-store"));

            assertThat(mvc.perform(get(path + file.id()).with(user("quelquun@essai.example.fr")).accept(
                    path.startsWith("/api") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get(path + UUID.randomUUID()).with(user(owner)))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(mvc.perform(get("/api/v1/files/" + file.id())).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/fichiers/" + file.id()).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getRedirectedUrl())
                .contains("/connexion");
    }

    @Test
    void thePurgeDeletesFilesPastRetentionRowsWithoutContentAndOldLeftoversButNotRecentOnes() throws Exception {
        String owner = owner();
        StoredFile expiring = store(owner, PROOFS, "echu.txt", text(10));
        StoredFile kept = store(owner, WRITTEN_PIECES, "garde.pdf", SampleFiles.pdf(5));
        StoredFile lost = store(owner, PROOFS, "perdu.txt", text(10));
        store.delete(lost.id());
        UUID orphan = UUID.randomUUID();
        store.write(orphan, new ByteArrayInputStream(text(10))).publish();
        UUID cut = UUID.randomUUID();
        store.write(cut, new ByteArrayInputStream(text(10)));

        storage.purge();
        assertThat(storage.find(lost.id())).as("a row without content goes at once").isEmpty();
        assertThat(store.exists(orphan)).as("a recent content without row may be an upload about to commit").isTrue();
        assertThat(store.entries()).anySatisfy(entry -> assertThat(entry.name()).startsWith(cut.toString().substring(0, 2)
                + "/" + cut + "."));

        FileStorage in31Days = new FileStorage(store, jdbc, transactionManager, purposes,
                Clock.offset(clock, Duration.ofDays(31)), settings);
        FileStorage.Purge purge = in31Days.purge();

        assertThat(storage.find(expiring.id())).isEmpty();
        assertThat(store.exists(expiring.id())).isFalse();
        assertThat(storage.find(kept.id())).isPresent();
        assertThat(store.exists(kept.id())).isTrue();
        assertThat(store.exists(orphan)).isFalse();
        assertThat(store.entries()).noneSatisfy(entry -> assertThat(entry.name()).contains(cut.toString()));
        assertThat(purge.expired()).isGreaterThanOrEqualTo(1);
        assertThat(purge.leftovers()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUploadedPartIsStoredUnderItsOriginalNameAndItsRetentionCanBeMovedByTheOwningModule() {
        String owner = owner();
        StoredFile file = storage.store(owner, PROOFS, new MockMultipartFile("fichier", "scan.png", "application/pdf",
                PNG));
        assertThat(file.mediaType()).isEqualTo(FileLimits.PNG);
        assertThat(file.originalName()).isEqualTo("scan.png");

        Instant decisionPlusFiveYears = file.createdAt().plus(Duration.ofDays(5 * 366));
        storage.retainUntil(file.id(), decisionPlusFiveYears);

        assertThat(storage.find(file.id())).hasValueSatisfying(found ->
                assertThat(found.retainUntil()).isEqualTo(decisionPlusFiveYears));
        new FileStorage(store, jdbc, transactionManager, purposes, Clock.offset(clock, Duration.ofDays(31)), settings)
                .purge();
        assertThat(storage.find(file.id())).as("kept past the purpose's 30 days").isPresent();
        assertThatThrownBy(() -> storage.retainUntil(UUID.randomUUID(), decisionPlusFiveYears))
                .isInstanceOf(NotFoundException.class);
    }

    /** The smallest PNG: 1×1 pixel. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void aPersonSeesTheirFilesAndErasureDeletesThemExceptThoseTheirPurposeMustKeep() {
        String owner = owner();
        StoredFile proof = store(owner, PROOFS, "preuve.txt", text(2048));
        StoredFile piece = store(owner, WRITTEN_PIECES, "ecrit.pdf", SampleFiles.pdf(6));
        var subject = new PersonalDataContributor.Subject(UUID.randomUUID(), owner, "Personne d'essai");

        var section = personalData.sections(subject).get(0);
        assertThat(section.title()).isEqualTo("Fichiers déposés");
        assertThat(section.rows()).extracting(row -> row.subList(0, 4)).containsExactlyInAnyOrder(
                List.of("preuve.txt", "Preuve (essai)", "texte", "2 Ko"),
                List.of("ecrit.pdf", "Écrit (essai)", "PDF", FileStorage.inFrench(DataSize.ofBytes(piece.size()))));
        assertThat(personalData.files(subject)).extracting(PersonalDataContributor.File::path)
                .contains("depots/" + proof.id() + "-preuve.txt");
        assertThat(personalData.mustKeep(subject)).containsExactly(new PersonalDataContributor.Kept(
                "Fichier « ecrit.pdf » (Écrit (essai))", "Pièce d'un dossier en cours d'examen."));

        personalData.erase(subject);

        assertThat(storage.filesOf(owner)).isEmpty();
        assertThat(storage.find(proof.id())).isEmpty();
        assertThat(store.exists(proof.id())).isFalse();
        assertThat(storage.find(piece.id())).hasValueSatisfying(file ->
                assertThat(file.owner()).isEqualTo(StoredFilesPersonalData.ERASED_OWNER));
        assertThat(store.exists(piece.id())).isTrue();
    }
}
