package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.bulk.PeopleFile.Line;
import fr.referentia.shared.text.Confusables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PeopleImportPolicyTest {

    static final UUID ORG_A = UUID.randomUUID();
    static final UUID ORG_B = UUID.randomUUID();
    static final List<GrantPolicy.Held> HR_OF_A = List.of(new GrantPolicy.Held(Role.ORG_HR, ORG_A));

    private static List<ImportProblem> check(List<GrantPolicy.Held> granter, UUID organisation, Set<String> existing,
            Line... lines) {
        return check(granter, organisation, existing, existing, lines);
    }

    /** {@code existing} addresses have an account; {@code membersHere} are those in the uploader's organisation. */
    private static List<ImportProblem> check(List<GrantPolicy.Held> granter, UUID organisation, Set<String> existing,
            Set<String> membersHere, Line... lines) {
        Map<String, Integer> first = new HashMap<>();
        for (Line line : lines) {
            first.putIfAbsent(EmailAddresses.normalise(line.email()), line.number());
        }
        return PeopleImportPolicy.checkAll(List.of(lines),
                new PeopleImportPolicy.Context(granter, organisation, existing, existing.stream()
                        .map(Confusables::skeletonDigest).collect(Collectors.toSet()), first, membersHere));
    }

    @Test
    void aVisualTwinOfAnExistingAddressAndANameWithAHiddenLineBreakAreRefused() {
        assertThat(check(HR_OF_A, ORG_A, Set.of("paul@a.fr"),
                new Line(2, "p\u0430ul@a.fr", "Paul Martin", "Salarié", 0),
                new Line(3, "eva@a.fr", "Eva\u2028Cliquez ici", "Salarié", 0)))
                .containsExactly(
                        new ImportProblem(2, "email", EmailAddresses.lookAlike("p\u0430ul@a.fr")),
                        new ImportProblem(3, "nom", "Le nom « EvaCliquez ici » contient un saut de ligne (U+2028,"
                                + " position 4) : retapez-le sans ce caractère."));
    }

    @Test
    void aCorrectFileHasNoProblem() {
        assertThat(check(HR_OF_A, ORG_A, Set.of(),
                new Line(2, "camille@a.fr", "Camille Martin", "Salarié", 0),
                new Line(3, "Luc@A.fr", "Luc Petit", "manager", 0),
                new Line(4, "eva@a.fr", "Eva Roux", "EMPLOYEE", 0))).isEmpty();
    }

    @Test
    void reportsEachProblemWithItsLineAndColumn() {
        assertThat(check(HR_OF_A, ORG_A, Set.of("deja@a.fr"),
                new Line(2, "camille@a.fr", "Camille Martin", "Salarié", 0),
                new Line(3, "pas-une-adresse", "", "Salarié", 0),
                new Line(4, "CAMILLE@a.fr", "Camille bis", "Salarié", 0),
                new Line(5, "deja@a.fr", "Déjà Là", "Stagiaire", 0),
                new Line(6, "rh@a.fr", "Nouvelle RH", "RH d'organisme", 0),
                new Line(7, "x@a.fr", "Martin", "Camille", 1)))
                .containsExactly(
                        new ImportProblem(3, "email", "L'adresse e-mail « pas-une-adresse » n'est pas valide."),
                        new ImportProblem(3, "nom", "Le nom est obligatoire."),
                        new ImportProblem(4, "email", "L'adresse « camille@a.fr » figure déjà ligne 2 du fichier."),
                        new ImportProblem(5, "email", "Un compte existe déjà pour l'adresse deja@a.fr dans cet organisme."),
                        new ImportProblem(5, "role", "Rôle inconnu « Stagiaire » (rôles possibles : Manager, Salarié)."),
                        new ImportProblem(6, "role", "Vous ne pouvez pas donner le rôle « RH d'organisme » dans cet"
                                + " organisme : il ne relève pas de votre gestion."),
                        new ImportProblem(7, null, "La ligne compte plus de colonnes que l'en-tête (email, nom, role) :"
                                + " une virgule ou un point-virgule dans un nom doit être entre guillemets."),
                        new ImportProblem(7, "role", "Rôle inconnu « Camille » (rôles possibles : Manager, Salarié)."));
    }

    @Test
    void theGrantPolicyDecidesForTheUploadersOrganisationOnly() {
        assertThat(check(HR_OF_A, ORG_B, Set.of(), new Line(2, "a@b.fr", "Anne", "Salarié", 0)))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("ne relève pas"));
        List<GrantPolicy.Held> admin = List.of(new GrantPolicy.Held(Role.BRANCH_ADMIN, null));
        assertThat(check(admin, ORG_B, Set.of(), new Line(2, "rh@b.fr", "RH de B", "ORG_HR", 0))).isEmpty();
        assertThat(check(admin, ORG_B, Set.of(), new Line(2, "ev@b.fr", "Évaluateur", "Évaluateur", 0)))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("toute la branche"));
    }

    @Test
    void anAccountOutsideTheOrganisationIsNotMentionedWhileOneOfItsOwnPeopleIs() {
        assertThat(check(HR_OF_A, ORG_A, Set.of("ailleurs@b.fr", "ici@a.fr"), Set.of("ici@a.fr"),
                new Line(2, "ailleurs@b.fr", "Ailleurs", "Salarié", 0),
                new Line(3, "ici@a.fr", "Ici", "Salarié", 0)))
                .containsExactly(new ImportProblem(3, "email",
                        "Un compte existe déjà pour l'adresse ici@a.fr dans cet organisme."));
    }

    @Test
    void aMissingRoleNamesTheRolesTheUploaderMayGive() {
        assertThat(check(HR_OF_A, ORG_A, Set.of(), new Line(2, "a@a.fr", "Anne", "", 0)))
                .containsExactly(new ImportProblem(2, "role",
                        "Le rôle est obligatoire (rôles possibles : Manager, Salarié)."));
    }
}
