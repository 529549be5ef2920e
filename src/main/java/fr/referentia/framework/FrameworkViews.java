package fr.referentia.framework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Read models of the catalogue: plain data, safe to hand to pages, the API and documents. */
public final class FrameworkViews {

    private FrameworkViews() {
    }

    public record Summary(String code, String title, FrameworkKind kind, String version, FrameworkStatus status,
            String issuer, LocalDate validationDate, String validationNote, String rncpCode,
            Map<ItemType, Long> counts) {

        public long count(ItemType type) {
            return counts.getOrDefault(type, 0L);
        }
    }

    /** An item with its whole subtree, children in document order. */
    public record Node(String code, ItemType type, String typeLabel, String text, String parentCode, int position,
            String context, Boolean essential, List<Node> children) {

        /** The type as a person reads it: the original title of an OTHER item, else our label. */
        public String typeName() {
            return typeLabel != null ? typeLabel : type.label();
        }

        public List<Node> childrenOfType(ItemType wanted) {
            return children.stream().filter(child -> child.type() == wanted).toList();
        }

        public List<Node> structuralChildren() {
            return children.stream().filter(child -> child.type().isStructural()).toList();
        }

        public List<Node> detailChildren() {
            return children.stream().filter(child -> !child.type().isStructural()).toList();
        }

        public boolean hasStructuralChildren() {
            return children.stream().anyMatch(child -> child.type().isStructural());
        }

        /** What the item holds, as its disclosure on the referential page says it: « 6 activités, 2 critères ». */
        public String childrenSummary() {
            java.util.Map<String, List<Node>> byType = children.stream().collect(java.util.stream.Collectors.groupingBy(
                    Node::typeName, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
            return byType.values().stream().map(group -> {
                Node first = group.get(0);
                String label = group.size() > 1 && first.type() != ItemType.OTHER ? first.type().pluralLabel()
                        : first.typeName();
                return group.size() + " " + label.toLowerCase(java.util.Locale.FRENCH);
            }).collect(java.util.stream.Collectors.joining(", "));
        }

        /** How many items the subtree holds, this one included. */
        public int size() {
            return 1 + children.stream().mapToInt(Node::size).sum();
        }
    }

    public record ExamView(String code, String title, String modality, String place, Integer totalMinutes,
            List<Exam.Part> parts, List<String> checks, List<String> itemCodes) {
    }

    /** {@code destinationFramework}: set when the destination is an item of another referential (R14). */
    public record AssociationView(AssociationType type, String originCode, String destinationCode,
            String destinationLabel, String destinationFramework) {
    }

    public record Outline(Summary summary, String description, Integer masteryTolerance, String sourceDocument,
            List<Node> roots, List<ExamView> exams, List<AssociationView> associations) {

        /** Exams that evaluate the given item or one of its ancestors. */
        public List<ExamView> examsFor(List<String> codes) {
            return exams.stream().filter(exam -> exam.itemCodes().stream().anyMatch(codes::contains)).toList();
        }
    }

    public record Crumb(String code, ItemType type, String text) {
    }

    public record ItemDetail(Summary framework, Node item, List<Crumb> breadcrumbs, List<ExamView> exams,
            List<AssociationView> associations) {
    }

    /** One version of a referential, as the list of versions shows it. */
    public record VersionRow(String version, FrameworkStatus status, LocalDate validationDate, String validationNote,
            String publishedBy, Instant publishedAt, Instant createdAt, boolean current) {

        public ZonedDateTime publishedAtInFrance() {
            return publishedAt == null ? null : publishedAt.atZone(ZoneId.of("Europe/Paris"));
        }
    }

    /** Flat item row, as the API lists items. */
    public record ItemRow(String code, ItemType type, String typeLabel, String text, String parentCode, int position,
            String context, Boolean essential) {
    }
}
