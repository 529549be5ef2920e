package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way to change a referential's entities goes through a method of the {@code framework} package
 * itself (none is public), and each of them refuses a published or retired version. The table below
 * names every such method: a new one fails {@link #everyMutatorOfTheEntitiesIsPackagePrivateAndTestedHere()}
 * until it is added here, with its refusal.
 */
class FrozenVersionMutatorsTest {

    static final List<Class<?>> ENTITIES = List.of(Framework.class, FrameworkItem.class, Exam.class, Association.class);

    /** Methods that change no content (besides the getters): readers, the policy's check, end of building. */
    static final Set<String> READERS = Set.of("Exam.totalMinutes", "Association.destinationItemCode",
            "Framework.requireFillable", "Framework.built");

    /** Changes of status alone, tested on their own below: retiring is what a published version allows. */
    static final Set<String> STATUS_CHANGES = Set.of("Framework.retire");

    /** A version with one item of each level, an exam and a link, then frozen in the given status. */
    record Version(Framework framework, FrameworkItem competency, FrameworkItem element, Exam exam) {

        static Version frozen(FrameworkStatus status) {
            // Built like an import of a referential that comes with this status.
            Framework framework = new Framework("GEL", "1", FrameworkKind.CQP, "Référentiel gelé", status, Instant.EPOCH);
            FrameworkItem competency = framework.addItem("C1", ItemType.COMPETENCY, "Accueillir", null, 1);
            FrameworkItem element = framework.addItem("C1.E1", ItemType.ELEMENT, "Saluer", competency, 1);
            Exam exam = framework.addExam("EP1", "Mise en situation", 1);
            exam.fill(List.of(new Exam.Part("Préparation", 30)), List.of("Grille"), List.of(competency));
            framework.addAssociation(AssociationType.IS_RELATED_TO, element, competency, null);
            framework.built();
            return new Version(framework, competency, element, exam);
        }

        /** What a refused change must leave as it was. */
        List<Object> state() {
            return List.of(framework.getStatus(), framework.getTitle(), String.valueOf(framework.getIssuer()),
                    String.valueOf(framework.getValidationDate()), framework.getItems().size(),
                    framework.getExams().size(), framework.getAssociations().size(), competency.getText(),
                    String.valueOf(element.getContext()), String.valueOf(element.getEssential()),
                    String.valueOf(exam.getModality()), exam.getTitle(), exam.getParts().size(), exam.getChecks().size(),
                    exam.getItems().size());
        }
    }

    /** Each mutator, by "Class.method", tried on a frozen version. */
    static Map<String, Consumer<Version>> mutators() {
        Map<String, Consumer<Version>> all = new LinkedHashMap<>();
        all.put("Framework.addItem", v -> v.framework().addItem("C2", ItemType.COMPETENCY, "Vendre", null, 2));
        all.put("Framework.addExam", v -> v.framework().addExam("EP2", "Entretien", 2));
        all.put("Framework.addAssociation", v -> v.framework().addAssociation(AssociationType.IS_RELATED_TO,
                v.competency(), v.element(), null));
        all.put("Framework.addCrossAssociation", v -> v.framework().addCrossAssociation(AssociationType.EXACT_MATCH_OF,
                v.competency(), "AUTRE", "C9", null));
        all.put("Framework.rewrite", v -> v.framework().rewrite("Autre titre", "Autre", null, null, 2));
        all.put("Framework.describe", v -> v.framework().describe("Autre", null, null, null, null, 2, null));
        all.put("Framework.publish", v -> v.framework().publish(LocalDate.of(2027, 1, 1), null, "x@y.fr", Instant.EPOCH));
        all.put("Framework.removeItem", v -> v.framework().removeItem(v.element()));
        all.put("Framework.removeAssociationsIf", v -> v.framework().removeAssociationsIf(association -> true));
        all.put("Framework.removeExams", v -> v.framework().removeExams(List.of(v.exam())));
        all.put("FrameworkItem.setContext", v -> v.element().setContext("Contexte"));
        all.put("FrameworkItem.setEssential", v -> v.element().setEssential(true));
        all.put("FrameworkItem.setTypeLabel", v -> v.element().setTypeLabel("Autre"));
        all.put("FrameworkItem.changeText", v -> v.competency().changeText("Autre texte"));
        all.put("FrameworkItem.update", v -> v.competency().update(ItemType.COMPETENCY, null, "Autre texte", null, 1,
                null, null));
        all.put("Exam.describe", v -> v.exam().describe("Oral", "Centre", 60));
        all.put("Exam.rewrite", v -> v.exam().rewrite("Autre", 1, List.of(), List.of(), List.of()));
        all.put("Exam.fill", v -> v.exam().fill(List.of(), List.of("Autre"), List.of()));
        return all;
    }

    @ParameterizedTest
    @EnumSource(value = FrameworkStatus.class, names = {"PUBLISHED", "RETIRED"})
    void everyMutatorRefusesAFrozenVersionAndChangesNothing(FrameworkStatus status) {
        mutators().forEach((name, mutator) -> {
            Version version = Version.frozen(status);
            List<Object> before = version.state();
            assertThatThrownBy(() -> mutator.accept(version)).as(name)
                    .isInstanceOf(FrameworkVersionFrozenException.class).hasMessageContaining("GEL");
            assertThat(version.state()).as(name).isEqualTo(before);
        });
    }

    @Test
    void aDraftPublishedThroughPublishIsFrozenToo() {
        Framework draft = new Framework("PUB", "1", FrameworkKind.CQP, "Brouillon", FrameworkStatus.DRAFT, Instant.EPOCH);
        FrameworkItem item = draft.addItem("C1", ItemType.ELEMENT, "Saluer", null, 1);
        draft.built();
        draft.publish(LocalDate.of(2026, 1, 15), "Validé", "admin@branche.fr", Instant.EPOCH);

        assertThatThrownBy(() -> draft.addItem("C2", ItemType.COMPETENCY, "Vendre", null, 2))
                .isInstanceOf(FrameworkVersionFrozenException.class);
        assertThatThrownBy(() -> item.setEssential(true)).isInstanceOf(FrameworkVersionFrozenException.class);
        assertThat(draft.getItems()).hasSize(1);
        assertThat(item.getEssential()).isFalse();
    }

    @Test
    void retiringChangesOnlyTheStatusOfAPublishedVersionAndIsRefusedOnAnyOther() {
        Version published = Version.frozen(FrameworkStatus.PUBLISHED);
        List<Object> content = published.state().subList(1, published.state().size());
        published.framework().retire();
        assertThat(published.framework().getStatus()).isEqualTo(FrameworkStatus.RETIRED);
        assertThat(published.state().subList(1, published.state().size())).isEqualTo(content);

        for (FrameworkStatus status : List.of(FrameworkStatus.RETIRED, FrameworkStatus.DRAFT)) {
            Version other = Version.frozen(status);
            assertThatThrownBy(() -> other.framework().retire()).as(status.name())
                    .isInstanceOf(FrameworkVersionFrozenException.class).hasMessageContaining("GEL");
            assertThat(other.framework().getStatus()).isEqualTo(status);
        }
    }

    @Test
    void theCollectionsOfAVersionCannotBeChangedThroughItsGetters() {
        Version version = Version.frozen(FrameworkStatus.PUBLISHED);
        List<Runnable> writes = List.of(
                () -> version.framework().getItems().clear(),
                () -> version.framework().getExams().clear(),
                () -> version.framework().getAssociations().clear(),
                () -> version.exam().getParts().clear(),
                () -> version.exam().getChecks().clear(),
                () -> version.exam().getItems().clear());
        writes.forEach(write -> assertThatThrownBy(write::run).isInstanceOf(UnsupportedOperationException.class));
        assertThat(version.framework().getItems()).hasSize(2);
        assertThat(version.exam().getParts()).hasSize(1);
    }

    @Test
    void aDraftAcceptsTheSameChanges() {
        Framework draft = new Framework("BROUILLON", "1", FrameworkKind.CQP, "Brouillon", FrameworkStatus.DRAFT,
                Instant.EPOCH);
        FrameworkItem item = draft.addItem("C1", ItemType.ELEMENT, "Saluer", null, 1);
        item.setContext("À l'accueil");
        item.setEssential(true);
        draft.describe("CPNEF", null, null, null, null, 2, null);

        assertThat(item.getContext()).isEqualTo("À l'accueil");
        assertThat(item.getEssential()).isTrue();
        assertThat(draft.getIssuer()).isEqualTo("CPNEF");
    }

    @Test
    void everyMutatorOfTheEntitiesIsPackagePrivateAndTestedHere() {
        Set<String> found = new TreeSet<>();
        Set<String> publicOnes = new TreeSet<>();
        for (Class<?> entity : ENTITIES) {
            for (Method method : entity.getDeclaredMethods()) {
                String name = entity.getSimpleName() + "." + method.getName();
                if (method.isSynthetic() || Modifier.isStatic(method.getModifiers())
                        || Modifier.isPrivate(method.getModifiers()) || isGetter(method) || READERS.contains(name)
                        || STATUS_CHANGES.contains(name)
                        || Stream.of("equals", "hashCode", "toString").anyMatch(method.getName()::equals)) {
                    continue;
                }
                found.add(name);
                if (Modifier.isPublic(method.getModifiers()) || Modifier.isProtected(method.getModifiers())) {
                    publicOnes.add(name);
                }
            }
        }
        assertThat(publicOnes).as("mutators reachable outside the framework package").isEmpty();
        assertThat(found).as("every mutator has its refusal in mutators()")
                .isEqualTo(new TreeSet<>(mutators().keySet()));
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !method.getReturnType().equals(void.class)
                && (method.getName().startsWith("get") || method.getName().startsWith("is"));
    }
}
