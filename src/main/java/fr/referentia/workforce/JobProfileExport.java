package fr.referentia.workforce;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.Organisation;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.document.PdfRenderer;
import fr.referentia.workforce.JobProfiles.JobProfileView;
import fr.referentia.workforce.JobProfiles.RequirementView;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A job profile as a document that reads like a real fiche de poste: PDF (the shared renderer, from the
 * {@code pdf/job-profile} template), DOCX (Apache POI) or ODT. It carries its date and the version of each
 * cited referential.
 */
@Service
@Transactional(readOnly = true)
public class JobProfileExport {

    public record Document(String fileName, String mediaType, byte[] content) {
    }

    /** What every format prints. */
    public record Sheet(String title, String organisationName, LocalDate generatedOn, String mission,
            String reportingLine, String conditions, List<Group> groups, List<ProficiencyLevel> scale) {
    }

    /** The requirements taken from one referential version. */
    public record Group(String frameworkCode, String version, String frameworkTitle, List<Row> rows) {
    }

    public record Row(String itemCode, String text, int level, String levelLabel, String importance) {
    }

    private final JobProfiles profiles;
    private final Workforce workforce;
    private final AccountAdministration administration;
    private final PdfRenderer pdf;
    private final Clock clock;

    JobProfileExport(JobProfiles profiles, Workforce workforce, AccountAdministration administration, PdfRenderer pdf,
            Clock clock) {
        this.profiles = profiles;
        this.workforce = workforce;
        this.administration = administration;
        this.pdf = pdf;
        this.clock = clock;
    }

    public Document export(String requesterEmail, UUID organisationId, UUID jobProfileId, String format) {
        String wanted = format == null ? "pdf" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("pdf", "docx", "odt").contains(wanted)) {
            throw new BadInputException("Le format « " + format + " » n'est pas proposé : pdf, docx ou odt.");
        }
        JobProfileView profile = profiles.get(requesterEmail, organisationId, jobProfileId);
        Sheet sheet = sheet(profile, organisationId);
        String base = "fiche-de-poste-" + slug(profile.title());
        return switch (wanted) {
            case "docx" -> new Document(base + ".docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    JobProfileDocuments.docx(sheet));
            case "odt" -> new Document(base + ".odt", "application/vnd.oasis.opendocument.text",
                    JobProfileDocuments.odt(sheet));
            default -> new Document(base + ".pdf", "application/pdf",
                    pdf.render("pdf/job-profile", Map.of("sheet", sheet)));
        };
    }

    Sheet sheet(JobProfileView profile, UUID organisationId) {
        String organisation = administration.organisations().stream().filter(o -> o.getId().equals(organisationId))
                .map(Organisation::getName).findFirst().orElse("");
        ProficiencyScale scale = workforce.scaleOf(organisationId);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        for (RequirementView r : profile.requirements()) {
            String key = r.frameworkCode() + "\u0000" + r.version();
            heads.putIfAbsent(key, new String[] {r.frameworkCode(), r.version(), r.frameworkTitle()});
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(r.itemCode(), r.text(), r.level(),
                    r.levelLabel(), r.importance().label()));
        }
        List<Group> groups = new ArrayList<>();
        heads.forEach((key, head) -> groups.add(new Group(head[0], head[1], head[2], rows.get(key))));
        return new Sheet(profile.title(), organisation, LocalDate.now(clock), profile.mission(), profile.reportingLine(),
                profile.conditions(), groups, scale.levels());
    }

    static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? "poste" : plain.length() > 60 ? plain.substring(0, 60) : plain;
    }
}
