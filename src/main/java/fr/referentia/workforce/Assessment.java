package fr.referentia.workforce;

import fr.referentia.framework.ItemCitation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One assessment of one competency of a person, by themself (SELF) or their manager (MANAGER): a level
 * on the organisation's scale, or not observed (« pas eu l'occasion de le montrer »). Never changed once
 * written (no setter): a new assessment is a new row.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    private UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private UUID organisationId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(name = "framework_code", nullable = false, updatable = false)
    private String frameworkCode;

    @Column(name = "framework_version", nullable = false, updatable = false)
    private String frameworkVersion;

    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;

    @Column(name = "level_rank", updatable = false)
    private Integer level;

    @Column(name = "not_observed", nullable = false, updatable = false)
    private boolean notObserved;

    @Column(name = "comment_text", updatable = false)
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AssessmentSource source;

    @Column(name = "assessor_id", nullable = false, updatable = false)
    private UUID assessorId;

    @Column(name = "observed_on", nullable = false, updatable = false)
    private LocalDate observedOn;

    @Column(name = "assessed_at", nullable = false, updatable = false)
    private Instant assessedAt;

    protected Assessment() {
    }

    Assessment(UUID organisationId, UUID personId, ItemCitation citation, Integer level, String comment,
            AssessmentSource source, UUID assessorId, LocalDate observedOn, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.personId = personId;
        this.frameworkCode = citation.frameworkCode();
        this.frameworkVersion = citation.version();
        this.itemCode = citation.itemCode();
        this.level = level;
        this.notObserved = level == null;
        this.comment = comment;
        this.source = source;
        this.assessorId = assessorId;
        this.observedOn = observedOn;
        this.assessedAt = now;
    }

    public ItemCitation citation() {
        return new ItemCitation(frameworkCode, frameworkVersion, itemCode);
    }

    public UUID getId() { return id; }
    public UUID getOrganisationId() { return organisationId; }
    public UUID getPersonId() { return personId; }
    public String getFrameworkCode() { return frameworkCode; }
    public String getFrameworkVersion() { return frameworkVersion; }
    public String getItemCode() { return itemCode; }
    public Integer getLevel() { return level; }
    public boolean isNotObserved() { return notObserved; }
    public String getComment() { return comment; }
    public AssessmentSource getSource() { return source; }
    public UUID getAssessorId() { return assessorId; }
    public LocalDate getObservedOn() { return observedOn; }
    public Instant getAssessedAt() { return assessedAt; }
}
