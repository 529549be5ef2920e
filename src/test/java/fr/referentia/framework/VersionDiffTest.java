package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.VersionDiff.AssociationState;
import fr.referentia.framework.VersionDiff.EssentialChange;
import fr.referentia.framework.VersionDiff.ExamState;
import fr.referentia.framework.VersionDiff.FieldChange;
import fr.referentia.framework.VersionDiff.Header;
import fr.referentia.framework.VersionDiff.ItemState;
import fr.referentia.framework.VersionDiff.Move;
import fr.referentia.framework.VersionDiff.Op;
import fr.referentia.framework.VersionDiff.Result;
import fr.referentia.framework.VersionDiff.Snapshot;
import fr.referentia.framework.VersionDiff.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    static ItemState item(String code, String text, String parent, int position) {
        return new ItemState(code, ItemType.COMPETENCY, text, parent, position);
    }

    @Test
    void identicalVersionsHaveNoDifference() {
        List<ItemState> items = List.of(item("A", "Accueillir", null, 1), item("A.1", "les publics", "A", 1));
        assertThat(VersionDiff.between(items, items).isEmpty()).isTrue();
    }

    @Test
    void itemsAreMatchedOnTheirCodeAddedAndRemoved() {
        Result diff = VersionDiff.between(
                List.of(item("A", "Accueillir", null, 1), item("B", "Informer", null, 2)),
                List.of(item("A", "Accueillir", null, 1), item("C", "Orienter", null, 2)));
        assertThat(diff.added()).extracting(ItemState::code).containsExactly("C");
        assertThat(diff.removed()).extracting(ItemState::code).containsExactly("B");
        assertThat(diff.moved()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void anotherParentOrAnotherPositionIsAMoveWithItsOrigin() {
        Result diff = VersionDiff.between(
                List.of(item("D1", "Domaine", null, 1), item("D2", "Domaine 2", null, 2),
                        item("C1", "Compétence", "D1", 1), item("C2", "Autre", "D1", 2)),
                List.of(item("D1", "Domaine", null, 1), item("D2", "Domaine 2", null, 2),
                        item("C1", "Compétence", "D2", 1), item("C2", "Autre", "D1", 1)));
        assertThat(diff.moved()).containsExactly(new Move("C1", "D1", 1, "D2", 1), new Move("C2", "D1", 2, "D1", 1));
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void aChangedTextIsShownWordByWord() {
        Result diff = VersionDiff.between(
                List.of(item("C1", "Accueillir les publics de façon multimodale", null, 1)),
                List.of(item("C1", "Accueillir tous les publics de façon hybride", null, 1)));
        assertThat(diff.changed()).hasSize(1);
        var change = diff.changed().get(0);
        assertThat(change.before()).isEqualTo("Accueillir les publics de façon multimodale");
        assertThat(change.after()).isEqualTo("Accueillir tous les publics de façon hybride");
        assertThat(change.words()).containsExactly(
                new Word(Op.EQUAL, "Accueillir "),
                new Word(Op.INSERT, "tous "),
                new Word(Op.EQUAL, "les publics de façon "),
                new Word(Op.DELETE, "multimodale"),
                new Word(Op.INSERT, "hybride"));
    }

    @Test
    void wordRunsRebuildBothTextsExactly() {
        String before = "Informer les différents publics sur l’offre\n- de services";
        String after = "Informer  les publics sur l’offre de formation\n- de services et les financements";
        List<Word> words = VersionDiff.words(before, after);
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder();
        for (Word word : words) {
            if (word.op() != Op.INSERT) {
                old.append(word.text());
            }
            if (word.op() != Op.DELETE) {
                now.append(word.text());
            }
        }
        assertThat(old).hasToString(before);
        assertThat(now).hasToString(after);
        assertThat(words).contains(new Word(Op.DELETE, "différents "));
    }

    @Test
    void aWholeTextWrittenAnewIsOneDeletionAndOneInsertion() {
        assertThat(VersionDiff.words("ancien", "nouveau"))
                .containsExactly(new Word(Op.DELETE, "ancien"), new Word(Op.INSERT, "nouveau"));
    }

    static final Header HEADER = new Header("CQP Formateur", "CPNEF", "Présentation", "RNCP1", 2, "Validé en 2024");

    static ItemState element(String code, String text, String context, boolean essential) {
        return new ItemState(code, ItemType.ELEMENT, text, "C1", 1, context, essential);
    }

    static ExamState exam(String code, String title, String modality, List<Exam.Part> parts, List<String> checks,
            List<String> items) {
        return new ExamState(code, title, modality, "En centre", null, parts, checks, items);
    }

    static Snapshot version(Header header, List<ItemState> items, List<ExamState> exams,
            List<AssociationState> associations) {
        return new Snapshot(header, items, exams, associations);
    }

    @Test
    void aWholeIdenticalVersionHasNoDifferenceInAnySection() {
        Snapshot v = version(HEADER, List.of(element("C1.E1", "Accueillir", "En présentiel", true)),
                List.of(exam("E1", "Mise en situation", "Oral", List.of(new Exam.Part("Préparation", 15)),
                        List.of("La posture"), List.of("C1.E1"))),
                List.of(new AssociationState(AssociationType.VALIDATES, "C1.E1", null, "CCS Relation client")));
        Result diff = VersionDiff.between(v, v);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.header()).isEmpty();
        assertThat(diff.exams().isEmpty()).isTrue();
        assertThat(diff.associations().isEmpty()).isTrue();
    }

    @Test
    void headerFieldsThatChangedAreListedWordByWordAndOnlyThose() {
        Header after = new Header("CQP Formateur d'adultes", "CPNEF", "Présentation", null, 1, "Validé en 2026");
        Result diff = VersionDiff.between(version(HEADER, List.of(), List.of(), List.of()),
                version(after, List.of(), List.of(), List.of()));
        assertThat(diff.header()).extracting(FieldChange::field)
                .containsExactly("title", "rncpCode", "masteryTolerance", "validationNote");
        assertThat(diff.header().get(0).words()).containsExactly(
                new Word(Op.EQUAL, "CQP Formateur"), new Word(Op.INSERT, " d'adultes"));
        FieldChange rncp = diff.header().get(1);
        assertThat(rncp.before()).isEqualTo("RNCP1");
        assertThat(rncp.after()).isNull();
        assertThat(rncp.words()).containsExactly(new Word(Op.DELETE, "RNCP1"));
        assertThat(diff.header().get(2)).isEqualTo(new FieldChange("masteryTolerance", "2", "1",
                List.of(new Word(Op.DELETE, "2"), new Word(Op.INSERT, "1"))));
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void essentialFlagsAndContextsOfKeptItemsAreReported() {
        Result diff = VersionDiff.between(
                version(HEADER, List.of(element("E1", "Accueillir", null, false), element("E2", "Informer", "En ligne", true),
                        element("E3", "Orienter", "Dans le cas de parcours", false)), List.of(), List.of()),
                version(HEADER, List.of(element("E1", "Accueillir", null, true), element("E2", "Informer", null, false),
                        element("E3", "Orienter", "Dans le cas de parcours d'insertion", false),
                        element("E4", "Nouveau", "Contexte neuf", true)), List.of(), List.of()));
        assertThat(diff.essential()).containsExactly(new EssentialChange("E1", "Accueillir", false, true),
                new EssentialChange("E2", "Informer", true, false));
        assertThat(diff.contexts()).extracting(VersionDiff.TextChange::code).containsExactly("E2", "E3");
        assertThat(diff.contexts().get(0).before()).isEqualTo("En ligne");
        assertThat(diff.contexts().get(0).after()).isNull();
        assertThat(diff.contexts().get(1).words()).containsExactly(
                new Word(Op.EQUAL, "Dans le cas de parcours"), new Word(Op.INSERT, " d'insertion"));
        // An added item brings its own flag: it is an addition, not a flag change.
        assertThat(diff.added()).extracting(ItemState::code).containsExactly("E4");
        assertThat(diff.added().get(0).essential()).isTrue();
    }

    @Test
    void examsAreMatchedOnTheirCodeAndTheirFieldsPartsChecksAndItemsCompared() {
        ExamState kept = exam("E1", "Mise en situation", "Observation en situation réelle",
                List.of(new Exam.Part("Préparation", 15), new Exam.Part("Entretien", 15)),
                List.of("La posture", "Le vocabulaire"), List.of("C1", "C2"));
        ExamState keptAfter = exam("E1", "Mise en situation", "Observation en situation reconstituée",
                List.of(new Exam.Part("Préparation", 20), new Exam.Part("Entretien", 15)),
                List.of("La posture", "Le vocabulaire", "La sécurité"), List.of("C2", "C3"));
        ExamState same = exam("E2", "Entretien final", "Oral", List.of(), List.of(), List.of("C1"));
        ExamState gone = exam("E3", "Dossier", "Écrit", List.of(), List.of(), List.of());
        ExamState fresh = exam("E4", "Soutenance", "Oral", List.of(), List.of(), List.of("C3"));
        Result diff = VersionDiff.between(version(HEADER, List.of(), List.of(kept, same, gone), List.of()),
                version(HEADER, List.of(), List.of(keptAfter, same, fresh), List.of()));
        assertThat(diff.exams().added()).containsExactly(fresh);
        assertThat(diff.exams().removed()).containsExactly(gone);
        assertThat(diff.exams().changed()).hasSize(1);
        var change = diff.exams().changed().get(0);
        assertThat(change.code()).isEqualTo("E1");
        assertThat(change.fields()).extracting(FieldChange::field).containsExactly("modality", "parts", "checks");
        assertThat(change.fields().get(0).words()).contains(new Word(Op.DELETE, "réelle"),
                new Word(Op.INSERT, "reconstituée"));
        assertThat(change.fields().get(1).before()).isEqualTo("Préparation : 15 min\nEntretien : 15 min");
        assertThat(change.fields().get(1).words()).contains(new Word(Op.DELETE, "15"), new Word(Op.INSERT, "20"));
        assertThat(change.fields().get(2).words()).endsWith(new Word(Op.INSERT, "\nLa sécurité"));
        assertThat(change.itemsAdded()).containsExactly("C3");
        assertThat(change.itemsRemoved()).containsExactly("C1");
    }

    @Test
    void associationsAreComparedOnAllTheirFieldsDuplicatesIncluded() {
        var outside = new AssociationState(AssociationType.VALIDATES, "C1.E1", null, "CCS Relation client");
        var renamed = new AssociationState(AssociationType.VALIDATES, "C1.E1", null, "CCS Relation clients");
        var inside = new AssociationState(AssociationType.IS_RELATED_TO, "C1", "C2", null);
        var retyped = new AssociationState(AssociationType.EXACT_MATCH_OF, "C1", "C2", null);
        Result diff = VersionDiff.between(version(HEADER, List.of(), List.of(), List.of(outside, inside, inside)),
                version(HEADER, List.of(), List.of(), List.of(renamed, inside, retyped)));
        assertThat(diff.associations().added()).containsExactly(renamed, retyped);
        assertThat(diff.associations().removed()).containsExactly(outside, inside);
    }

    @Test
    void aLinkToTheSameItemCodeInAnotherReferentialIsAnotherLink() {
        var here = new AssociationState(AssociationType.VALIDATES, "C1.E1", "DOM4-A3-C1", null);
        var there = new AssociationState(AssociationType.VALIDATES, "C1.E1", "DOM4-A3-C1", null, "RAC-METIERS");
        Result diff = VersionDiff.between(version(HEADER, List.of(), List.of(), List.of(here)),
                version(HEADER, List.of(), List.of(), List.of(there)));
        assertThat(diff.associations().added()).containsExactly(there);
        assertThat(diff.associations().removed()).containsExactly(here);
        assertThat(there.destination()).isEqualTo("RAC-METIERS · DOM4-A3-C1");
        assertThat(here.destination()).isEqualTo("DOM4-A3-C1");
    }
}
