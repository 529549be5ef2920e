package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void archivePathsStayInsideTheArchive() {
        assertThat(PersonalData.safeArchivePath("dossier/preuve.pdf")).isEqualTo("dossier/preuve.pdf");
        assertThat(PersonalData.safeArchivePath("/../../etc/passwd")).isEqualTo("etc/passwd");
        assertThat(PersonalData.safeArchivePath("a\\..\\b/./c.txt")).isEqualTo("a/b/c.txt");
        assertThat(PersonalData.safeArchivePath("..")).isEqualTo("fichier");
    }
}
