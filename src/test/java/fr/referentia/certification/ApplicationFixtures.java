package fr.referentia.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountAdministration.NewOrganisation;
import fr.referentia.account.OrganisationType;
import fr.referentia.account.Role;
import fr.referentia.account.SizeBand;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.FrameworkImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the application tests need: fresh people and organisations (made by the demo branch
 * administrator), a complete admissibility form, a PDF, and extra certifications (copies of a seed)
 * for R3's yearly limit, which needs four.
 */
@Component
class ApplicationFixtures {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String OFFICE = "certification-office@demo.referentia.fr";
    static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    static final String GESTIONNAIRE = "CQP-GESTIONNAIRE-DISPOSITIFS";
    static final String TITRE = "TITRE-PILOTAGE-DISPOSITIFS";

    private static final Random RANDOM = new Random(13);

    private final AccountAdministration administration;
    private final FrameworkImporter importer;
    private final ObjectMapper json;

    ApplicationFixtures(AccountAdministration administration, FrameworkImporter importer, ObjectMapper json) {
        this.administration = administration;
        this.importer = importer;
        this.json = json;
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new person holding {@code role} (in {@code organisationId} for organisation roles); their e-mail. */
    String person(String prefix, Role role, UUID organisationId) {
        String email = prefix + "-" + suffix() + "@candidats.example.fr";
        administration.createUser(ADMIN, email, "Camille " + prefix.substring(0, 1).toUpperCase(Locale.ROOT)
                + prefix.substring(1), role, organisationId);
        return email;
    }

    UUID organisation(String name) {
        return administration.createOrganisation(ADMIN, new NewOrganisation(name + " " + suffix(), siret(),
                "Nantes", SizeBand.FROM_10_TO_49, OrganisationType.ASSOCIATION)).getId();
    }

    /** A copy of the CQP Gestionnaire seed under a fresh code: one more certification in the catalogue. */
    String extraCertification() {
        String code = "CQP-COPIE-" + suffix().toUpperCase(Locale.ROOT);
        try (InputStream in = new ClassPathResource("seeds/002-CQP-GESTIONNAIRE-DISPOSITIFS.json").getInputStream()) {
            ObjectNode file = (ObjectNode) json.readTree(in);
            ((ObjectNode) file.get("framework")).put("code", code);
            importer.importFramework(json.treeToValue(file, CanonicalFramework.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return code;
    }

    /** The OpenAPI example: a complete, admissible form. */
    static String completeForm() {
        return AdmissibilityForm.EXAMPLE;
    }

    static byte[] pdf() {
        return pdf(1);
    }

    /** A real PDF of {@code pages} blank pages (page counts are checked on written pieces). */
    static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random SIRET whose Luhn check holds. */
    static String siret() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 13; i++) {
                digits.append(RANDOM.nextInt(10));
            }
            for (int last = 0; last < 10; last++) {
                String candidate = digits.toString() + last;
                if (luhn(candidate) && !candidate.startsWith("356000000")) {
                    return candidate;
                }
            }
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
