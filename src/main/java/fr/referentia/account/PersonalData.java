package fr.referentia.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.referentia.shared.personaldata.PersonalDataContributor.Kept;
import fr.referentia.shared.personaldata.PersonalDataContributor.Section;
import fr.referentia.shared.personaldata.PersonalDataContributor.Subject;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import fr.referentia.shared.audit.AuditEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GDPR rights of a signed-in person over their own data (R12): see it, download it, have it
 * erased. Only ever about the person who asks: callers pass the signed-in e-mail, never an id.
 */
@Service
public class PersonalData {

    public static final int JOURNAL_ON_PAGE = 100;
    static final String ARCHIVE_JSON = "mes-donnees.json";
    static final String ARCHIVE_FILES = "fichiers/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final AuditEntryRepository auditEntries;
    private final AuditTrail auditTrail;
    private final AuditMaintenance auditMaintenance;
    private final AuditLabels labels;
    private final List<PersonalDataContributor> contributors;
    private final RetentionSettings retention;
    private final ObjectMapper json;
    private final Clock clock;

    private final SignedInSessions signedInSessions;

    private final AuditChanges auditChanges;

    PersonalData(UserAccountRepository users, AuditEntryRepository auditEntries, AuditTrail auditTrail,
            AuditMaintenance auditMaintenance, AuditLabels labels, List<PersonalDataContributor> contributors,
            RetentionSettings retention, ObjectMapper json, Clock clock, SignedInSessions signedInSessions,
            AuditChanges auditChanges) {
        this.signedInSessions = signedInSessions;
        this.auditChanges = auditChanges;
        this.users = users;
        this.auditEntries = auditEntries;
        this.auditTrail = auditTrail;
        this.auditMaintenance = auditMaintenance;
        this.labels = labels;
        this.contributors = contributors;
        this.retention = retention;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    public record Account(UUID id, String email, String displayName, Instant createdAt, boolean active) {
    }

    public record Grant(String role, String organisation, Instant grantedAt) {
    }

    /**
     * An audit entry as its subject sees it: other people's e-mails are not shown, and neither are
     * the states of objects that are about someone else.
     */
    public record JournalLine(Instant occurredAt, String action, String objectType, String objectId, String author,
            String before, String after, List<AuditChanges.Row> changes) {
    }

    public record Overview(Account account, List<Grant> grants, long journalCount, List<JournalLine> journal,
            List<Section> sections, List<Kept> keptOnErasure, List<String> retentionPeriods) {
    }

    @Transactional(readOnly = true)
    public Overview overview(String email) {
        UserAccount user = person(email);
        Subject subject = subject(user);
        List<JournalLine> journal = journal(user, Limit.of(JOURNAL_ON_PAGE));
        return new Overview(account(user), grants(user), auditEntries.countByActorIdOrSubjectId(user.getId(),
                user.getId()), journal, sections(subject), keptOnErasure(subject), retentionPeriods());
    }

    /** What an erasure keeps, and why: shown before the person confirms. */
    @Transactional(readOnly = true)
    public List<Kept> keptOnErasure(String email) {
        return keptOnErasure(subject(person(email)));
    }

    /**
     * Writes everything held about the person as one ZIP archive: {@value #ARCHIVE_JSON} and,
     * under {@value #ARCHIVE_FILES}, the files the modules hold about them.
     */
    @Transactional(readOnly = true)
    public void writeArchive(String email, OutputStream out) throws IOException {
        UserAccount user = person(email);
        Subject subject = subject(user);
        List<PersonalDataContributor.File> files = contributors.stream()
                .flatMap(contributor -> contributor.files(subject).stream()).toList();

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", "Données personnelles détenues par Referentia");
        document.put("genereLe", clock.instant());
        document.put("compte", asDocument(account(user)));
        document.put("roles", grants(user).stream().map(PersonalData::asDocument).toList());
        document.put("journal", journal(user, Limit.unlimited()).stream().map(this::asDocument).toList());
        document.put("autresDonnees", sections(subject).stream().map(PersonalData::asDocument).toList());
        document.put("conserveEnCasDEffacement", keptOnErasure(subject).stream().map(kept -> Map.of(
                "quoi", kept.what(), "pourquoi", kept.reason())).toList());
        document.put("dureesDeConservation", retentionPeriods());
        document.put("fichiers", files.stream().map(file -> ARCHIVE_FILES + safeArchivePath(file.path())).toList());

        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(ARCHIVE_JSON));
        zip.write(json.writeValueAsBytes(document));
        zip.closeEntry();
        for (PersonalDataContributor.File file : files) {
            zip.putNextEntry(new ZipEntry(ARCHIVE_FILES + safeArchivePath(file.path())));
            try (InputStream in = file.content().getInputStream()) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    public record Erasure(String pseudonym, List<Kept> kept) {
    }

    /**
     * Erases the person: modules erase what they may, then the account gets a pseudonym instead
     * of its e-mail and name, loses its password and roles, and is disabled; the audit entries
     * by or about the person are kept, with the pseudonym in place of their e-mail and name.
     */
    @Transactional
    public Erasure erase(String email) {
        UserAccount user = person(email);
        ErasurePolicy.checkAll(new ErasurePolicy.Request(user.roles(),
                users.countOtherActiveHolders(Role.BRANCH_ADMIN, user.getId()))).orConflict();
        Subject subject = subject(user);
        List<Kept> kept = keptOnErasure(subject);
        contributors.forEach(contributor -> contributor.erase(subject));

        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        String pseudonymEmail = "anonyme-" + token + "@efface.invalid";
        String pseudonymName = "Personne effacée " + token;
        UUID id = user.getId();
        signedInSessions.endAllOf(user.getEmail());
        user.erase(pseudonymEmail, pseudonymName, clock.instant());
        auditMaintenance.anonymise(id, subject.email(), subject.displayName(), pseudonymEmail, pseudonymName);
        auditTrail.record(AuditEvent.of("ACCOUNT_ERASED", "USER_ACCOUNT", id.toString()).subject(id)
                .by(pseudonymEmail));
        return new Erasure(pseudonymName, kept);
    }

    /** A relative path inside the archive: no absolute path, no "..", forward slashes only. */
    static String safeArchivePath(String path) {
        String safe = Arrays.stream(path.replace('\\', '/').split("/"))
                .filter(part -> !part.isBlank() && !part.equals(".") && !part.equals(".."))
                .collect(Collectors.joining("/"));
        return safe.isEmpty() ? "fichier" : safe;
    }

    private UserAccount person(String email) {
        return users.findByEmail(email).filter(user -> user.getErasedAt() == null)
                .orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private static Subject subject(UserAccount user) {
        return new Subject(user.getId(), user.getEmail(), user.getDisplayName());
    }

    private static Account account(UserAccount user) {
        return new Account(user.getId(), user.getEmail(), user.getDisplayName(), user.getCreatedAt(),
                user.isEnabled() && user.getPasswordHash() != null);
    }

    private static List<Grant> grants(UserAccount user) {
        return user.getGrants().stream().map(grant -> new Grant(grant.getRole().label(),
                grant.getOrganisation() == null ? null : grant.getOrganisation().getName(), grant.getGrantedAt()))
                .toList();
    }

    private List<JournalLine> journal(UserAccount user, Limit limit) {
        UUID id = user.getId();
        return auditEntries.findByActorIdOrSubjectIdOrderByOccurredAtDescIdDesc(id, id, limit).stream()
                .map(entry -> {
                    boolean aboutSomeoneElse = entry.getSubjectId() != null && !entry.getSubjectId().equals(id);
                    String author = id.equals(entry.getActorId()) ? "Vous"
                            : entry.getActorEmail() == null ? "Système" : "Un gestionnaire";
                    return new JournalLine(entry.getOccurredAt(), labels.action(entry.getAction()),
                            labels.objectType(entry.getObjectType()), entry.getObjectId(), author,
                            aboutSomeoneElse ? null : entry.getBeforeJson(),
                            aboutSomeoneElse ? null : entry.getAfterJson(),
                            // What the page shows: field by field, in French (the archive keeps the JSON).
                            aboutSomeoneElse ? List.of() : auditChanges.of(entry, Map.of()));
                })
                .toList();
    }

    private static Map<String, Object> asDocument(Account account) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("identifiant", account.id());
        document.put("email", account.email());
        document.put("nom", account.displayName());
        document.put("creeLe", account.createdAt());
        document.put("actif", account.active());
        return document;
    }

    private static Map<String, Object> asDocument(Grant grant) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("role", grant.role());
        document.put("organisme", grant.organisation());
        document.put("depuisLe", grant.grantedAt());
        return document;
    }

    private Map<String, Object> asDocument(JournalLine line) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("date", line.occurredAt());
        entry.put("action", line.action());
        entry.put("objet", line.objectType());
        entry.put("identifiant", line.objectId());
        entry.put("auteur", line.author());
        entry.put("avant", parsed(line.before()));
        entry.put("apres", parsed(line.after()));
        return entry;
    }

    private JsonNode parsed(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(state);
        }
    }

    private static Map<String, Object> asDocument(Section section) {
        List<Map<String, String>> rows = section.rows().stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < section.columns().size() && i < row.size(); i++) {
                values.put(section.columns().get(i), row.get(i));
            }
            return values;
        }).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cle", section.key());
        document.put("titre", section.title());
        document.put("lignes", rows);
        return document;
    }

    private List<Section> sections(Subject subject) {
        return contributors.stream().flatMap(contributor -> contributor.sections(subject).stream()).toList();
    }

    private List<Kept> keptOnErasure(Subject subject) {
        List<Kept> kept = new ArrayList<>();
        kept.add(new Kept("Les entrées du journal d'audit faites par vous ou vous concernant",
                "Traçabilité des opérations : elles restent " + RetentionSettings.inFrench(retention.auditEntries())
                        + " après leur date, anonymisées (votre e-mail et votre nom y sont remplacés par un "
                        + "pseudonyme)."));
        contributors.forEach(contributor -> kept.addAll(contributor.mustKeep(subject)));
        return kept;
    }

    private List<String> retentionPeriods() {
        return List.of(
                "Journal d'audit : " + RetentionSettings.inFrench(retention.auditEntries()) + " après chaque entrée.",
                "Compte dont l'invitation n'a jamais été acceptée (aucun mot de passe défini) : "
                        + RetentionSettings.inFrench(retention.unactivatedAccounts()) + " après sa création.",
                "Invitation d'un organisme à rejoindre son équipe (pour un compte existant) : "
                        + RetentionSettings.inFrench(retention.pendingMemberships())
                        + " après votre réponse ou, sans réponse, après son expiration.");
    }
}
