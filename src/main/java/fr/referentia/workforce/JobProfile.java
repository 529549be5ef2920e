package fr.referentia.workforce;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A job profile (fiche de poste): of an organisation, or a branch template ({@code organisationId}
 * null, with a {@code templateKey}) that organisations copy. Its requirements cite referential items.
 */
@Entity
@Table(name = "job_profile")
public class JobProfile {

    @Id
    private UUID id;

    @Column(name = "organisation_id")
    private UUID organisationId;

    @Column(name = "template_key")
    private String templateKey;

    @Column(name = "copied_from")
    private UUID copiedFrom;

    @Column(nullable = false)
    private String title;

    private String mission;

    @Column(name = "reporting_line")
    private String reportingLine;

    private String conditions;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_requirement", joinColumns = @JoinColumn(name = "job_profile_id"))
    @OrderColumn(name = "position")
    private List<JobRequirement> requirements = new ArrayList<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected JobProfile() {
    }

    JobProfile(UUID organisationId, String templateKey, UUID copiedFrom, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.templateKey = templateKey;
        this.copiedFrom = copiedFrom;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String title, String mission, String reportingLine, String conditions, Instant now) {
        this.title = title;
        this.mission = mission;
        this.reportingLine = reportingLine;
        this.conditions = conditions;
        this.updatedAt = now;
    }

    void replaceRequirements(List<JobRequirement> requirements, Instant now) {
        this.requirements.clear();
        this.requirements.addAll(requirements);
        this.updatedAt = now;
    }

    public boolean isTemplate() {
        return organisationId == null;
    }

    public UUID getId() { return id; }
    public UUID getOrganisationId() { return organisationId; }
    public String getTemplateKey() { return templateKey; }
    public UUID getCopiedFrom() { return copiedFrom; }
    public String getTitle() { return title; }
    public String getMission() { return mission; }
    public String getReportingLine() { return reportingLine; }
    public String getConditions() { return conditions; }
    public List<JobRequirement> getRequirements() { return List.copyOf(requirements); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
