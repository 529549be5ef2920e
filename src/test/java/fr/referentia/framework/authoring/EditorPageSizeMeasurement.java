package fr.referentia.framework.authoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkVersions;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of docs/performance.md (Authoring): the editor page of a draft of the seed 000, raw and
 * gzipped size and server time. Opt-in (-Dreferentia.measure=true): it drafts a seed, which the other
 * tests sharing the context do not expect.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "referentia.measure", matches = "true")
class EditorPageSizeMeasurement {

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    UserDetailsService users;

    @Autowired
    fr.referentia.framework.FrameworkImporter importer;

    @Test
    void measureTheEditorOfASeed000Draft() throws Exception {
        versions.createDraft("RAC-METIERS-FORMATION", "2026-01");
        measure("/referentiels/RAC-METIERS-FORMATION/versions/2026-01/edition", "seed 000 (296 items)");
        // A referential of thousands of items: 5 domains x 20 activities x 20 competencies = 2,105 items.
        importer.importFramework(AuthoringFixtures.synthetic("MESURE-GRAND", 5, 20, 20));
        versions.createDraft("MESURE-GRAND", "2026-01");
        measure("/referentiels/MESURE-GRAND/versions/2026-01/edition", "synthetic (2,105 items)");
    }

    private void measure(String editor, String what) throws Exception {
        var admin = user(users.loadUserByUsername("branch-admin@demo.referentia.fr"));
        byte[] body = null;
        long[] times = new long[9];
        for (int run = 0; run < times.length; run++) {
            long start = System.nanoTime();
            body = mvc.perform(get(editor).with(admin)).andReturn().getResponse().getContentAsByteArray();
            times[run] = System.nanoTime() - start;
        }
        long first = times[0];
        java.util.Arrays.sort(times);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(body);
        }
        System.out.printf("MEASURE %s: %d bytes raw, %d gzipped; first %d ms, median of 9 %d ms, best %d ms%n",
                what, body.length, zipped.size(), first / 1_000_000, times[4] / 1_000_000, times[0] / 1_000_000);
    }
}
