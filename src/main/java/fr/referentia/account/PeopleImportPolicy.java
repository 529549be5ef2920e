package fr.referentia.account;

import fr.referentia.account.bulk.PeopleFile;
import fr.referentia.account.bulk.PeopleFile.Line;
import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policy;
import fr.referentia.shared.text.Confusables;
import fr.referentia.shared.text.PlainText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What each line of an uploaded list of people must satisfy before anyone is created. One named
 * rule per check, each pointing at the column to fix ({@code column} null: the whole line); every
 * problem of every line is reported, so the file is fixed in one go.
 */
record PeopleImportPolicy(String column, Policy<PeopleImportPolicy.Row> rule) implements Policy<PeopleImportPolicy.Row> {

    static final int MAXIMUM_NAME_LENGTH = 200;

    /**
     * Everything the rules need besides the line: who uploads, into which organisation, the
     * addresses that already have an account and the skeletons of those (see {@code Confusables}) an
     * account's address has, the first line of each address in the file, and the addresses of the
     * organisation's own people.
     */
    record Context(List<GrantPolicy.Held> granter, UUID organisationId, Set<String> existingEmails,
            Set<String> existingSkeletons, Map<String, Integer> firstLineOfEmail, Set<String> membersHere) {
    }

    /** One line of the file, with the context of the upload. */
    record Row(Line line, Context context) {
    }

    @Override
    public Decision check(Row row) {
        return rule.check(row);
    }

    static final PeopleImportPolicy COLUMNS_MATCH_HEADER = new PeopleImportPolicy(null, row -> Decision.allowedIf(
            row.line().extraCells() == 0, "La ligne compte plus de colonnes que l'en-tête (email, nom, role) : une"
                    + " virgule ou un point-virgule dans un nom doit être entre guillemets."));

    static final PeopleImportPolicy VALID_EMAIL = new PeopleImportPolicy(PeopleFile.EMAIL, row -> {
        String email = EmailAddresses.normalise(row.line().email());
        if (email.isEmpty()) {
            return Decision.rejected("L'adresse e-mail est obligatoire.");
        }
        return Decision.allowedIf(EmailAddresses.isValid(email),
                "L'adresse e-mail « " + row.line().email() + " » n'est pas valide.");
    });

    static final PeopleImportPolicy NAME_GIVEN = new PeopleImportPolicy(PeopleFile.NAME, row -> {
        if (row.line().name().isBlank()) {
            return Decision.rejected("Le nom est obligatoire.");
        }
        return Decision.allowedIf(row.line().name().length() <= MAXIMUM_NAME_LENGTH,
                "Le nom dépasse " + MAXIMUM_NAME_LENGTH + " caractères.");
    });

    /** A name is one line of plain text: no line break, invisible or control character ({@link PlainText}). */
    static final PeopleImportPolicy NAME_IS_PLAIN_TEXT = new PeopleImportPolicy(PeopleFile.NAME, row -> {
        String problem = PlainText.oneLineProblem(row.line().name());
        return Decision.allowedIf(problem == null, "Le nom « " + PlainText.printable(row.line().name()) + " » "
                + problem + " : retapez-le sans ce caractère.");
    });

    /** No address may look like the address of an existing account to a reader (a visual twin). */
    static final PeopleImportPolicy NOT_A_LOOK_ALIKE = new PeopleImportPolicy(PeopleFile.EMAIL, row -> {
        String email = EmailAddresses.normalise(row.line().email());
        return Decision.allowedIf(row.context().existingEmails().contains(email)
                || !row.context().existingSkeletons().contains(Confusables.skeletonDigest(email)),
                EmailAddresses.lookAlike(email));
    });

    static final PeopleImportPolicy KNOWN_ROLE = new PeopleImportPolicy(PeopleFile.ROLE, row -> {
        if (row.line().role().isBlank()) {
            return Decision.rejected("Le rôle est obligatoire (" + grantable(row.context()) + ").");
        }
        return Decision.allowedIf(role(row.line().role()).isPresent(),
                "Rôle inconnu « " + row.line().role() + " » (" + grantable(row.context()) + ").");
    });

    /** {@link GrantPolicy} decides, line by line, whether the uploader may give that role in this organisation. */
    static final PeopleImportPolicy ROLE_GRANTABLE = new PeopleImportPolicy(PeopleFile.ROLE, row -> role(row.line().role())
            .map(role -> GrantPolicy.checkAll(new GrantPolicy.Request(row.context().granter(), role,
                    row.context().organisationId())))
            .orElse(Decision.allowed()));

    static final PeopleImportPolicy UNIQUE_IN_FILE = new PeopleImportPolicy(PeopleFile.EMAIL, row -> {
        String email = EmailAddresses.normalise(row.line().email());
        Integer first = row.context().firstLineOfEmail().get(email);
        return Decision.allowedIf(first == null || first >= row.line().number(),
                "L'adresse « " + email + " » figure déjà ligne " + first + " du fichier.");
    });

    /**
     * Only the organisation's own people are refused as already there. An account elsewhere is never
     * mentioned (issue 10: the upload must not reveal accounts outside the organisation): it is
     * invited to join, and its line is answered like a new person's.
     */
    static final PeopleImportPolicy NOT_ALREADY_A_MEMBER = new PeopleImportPolicy(PeopleFile.EMAIL, row -> {
        String email = EmailAddresses.normalise(row.line().email());
        return Decision.allowedIf(!row.context().membersHere().contains(email),
                "Un compte existe déjà pour l'adresse " + email + " dans cet organisme.");
    });

    static final List<PeopleImportPolicy> ALL = List.of(COLUMNS_MATCH_HEADER, VALID_EMAIL, UNIQUE_IN_FILE,
            NOT_ALREADY_A_MEMBER, NOT_A_LOOK_ALIKE, NAME_GIVEN, NAME_IS_PLAIN_TEXT, KNOWN_ROLE, ROLE_GRANTABLE);

    /** Every problem of every line, in line order; empty when the whole file may be imported. */
    static List<ImportProblem> checkAll(List<Line> lines, Context context) {
        List<ImportProblem> problems = new ArrayList<>();
        for (Line line : lines) {
            Row row = new Row(line, context);
            for (PeopleImportPolicy policy : ALL) {
                Decision decision = policy.check(row);
                if (!decision.isAllowed()) {
                    problems.add(new ImportProblem(line.number(), policy.column(), decision.reason()));
                }
            }
        }
        return problems;
    }

    /** A role by its code ({@code EMPLOYEE}) or its French label ({@code Salarié}), ignoring case and accents. */
    static Optional<Role> role(String written) {
        String key = key(written);
        return Arrays.stream(Role.values()).filter(role -> key(role.name()).equals(key) || key(role.label()).equals(key))
                .findFirst();
    }

    private static String key(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("[\\p{M}\\s_'’-]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The roles the uploader may give in this organisation, as a hint. */
    private static String grantable(Context context) {
        List<String> labels = Stream.of(Role.values())
                .filter(role -> GrantPolicy.checkAll(new GrantPolicy.Request(context.granter(), role,
                        context.organisationId())).isAllowed())
                .map(Role::label).toList();
        return labels.isEmpty() ? "vous ne pouvez donner aucun rôle dans cet organisme"
                : "rôles possibles : " + String.join(", ", labels);
    }
}
