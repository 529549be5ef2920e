package fr.referentia.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's application (candidature) to a certification, by a route, citing the referential
 * version in force when it was made (a newer version does not silently change it). Its state
 * changes only through {@link ApplicationStateMachine#change}; the candidate is an account id.
 */
@Entity
@Table(name = "application")
public class Application {

    @Id
    private UUID id;

    @Column(name = "certification_code", nullable = false)
    private String certificationCode;

    @Column(name = "framework_version", nullable = false)
    private String frameworkVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationRoute route;

    /** The calendar year of the request (R3 counts VAE requests per calendar year). */
    @Column(name = "request_year", nullable = false)
    private int requestYear;

    @Column(name = "candidate_id", nullable = false)
    private UUID candidateId;

    /** The candidate's organisation when they applied (its HR may follow the application), or null. */
    @Column(name = "organisation_id")
    private UUID organisationId;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    /** Made by HR on the candidate's behalf: the candidate's confirmation (consent) is then required. */
    @Column(name = "on_behalf", nullable = false)
    private boolean onBehalf;

    @Column(name = "candidate_confirmed_at")
    private Instant candidateConfirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationState state;

    /** The admissibility form as JSON ({@link AdmissibilityForm}), or null before its first save. */
    @Column(name = "form")
    private String form;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "received_on")
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    private AdmissibilityDecision decision;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Optimistic lock (two tabs: no lost update); null until first saved, so that saving persists a new one. */
    @Version
    @Column(name = "row_version", nullable = false)
    private Long rowVersion;

    protected Application() {
    }

    Application(String certificationCode, String frameworkVersion, ApplicationRoute route, int requestYear,
            UUID candidateId, UUID organisationId, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.certificationCode = certificationCode;
        this.frameworkVersion = frameworkVersion;
        this.route = route;
        this.requestYear = requestYear;
        this.candidateId = candidateId;
        this.organisationId = organisationId;
        this.createdBy = createdBy;
        this.onBehalf = !candidateId.equals(createdBy);
        this.candidateConfirmedAt = onBehalf ? null : now;
        this.state = ApplicationState.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Only {@link ApplicationStateMachine#change} calls this. */
    void moveTo(ApplicationState to, Instant now) {
        this.state = to;
        this.updatedAt = now;
        if (to == ApplicationState.SUBMITTED && submittedAt == null) {
            this.submittedAt = now;
        }
    }

    void saveForm(String json, Instant now) {
        this.form = json;
        this.updatedAt = now;
    }

    void confirmByCandidate(Instant now) {
        this.candidateConfirmedAt = now;
        this.updatedAt = now;
    }

    void recordSubmission(Instant now, LocalDate receivedOn) {
        this.submittedAt = now;
        this.receivedOn = receivedOn;
        this.updatedAt = now;
    }

    void recordDecision(AdmissibilityDecision decision, String reason, UUID by, Instant now) {
        this.decision = decision;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = now;
        this.updatedAt = now;
    }

    void clearDecision(Instant now) {
        this.decision = null;
        this.decisionReason = null;
        this.decidedBy = null;
        this.decidedAt = null;
        this.updatedAt = now;
    }

    public boolean awaitsCandidateConfirmation() {
        return onBehalf && candidateConfirmedAt == null;
    }

    public UUID getId() { return id; }
    public String getCertificationCode() { return certificationCode; }
    public String getFrameworkVersion() { return frameworkVersion; }
    public ApplicationRoute getRoute() { return route; }
    public int getRequestYear() { return requestYear; }
    public UUID getCandidateId() { return candidateId; }
    public UUID getOrganisationId() { return organisationId; }
    public UUID getCreatedBy() { return createdBy; }
    public boolean isOnBehalf() { return onBehalf; }
    public Instant getCandidateConfirmedAt() { return candidateConfirmedAt; }
    public ApplicationState getState() { return state; }
    public String getForm() { return form; }
    public Instant getSubmittedAt() { return submittedAt; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public AdmissibilityDecision getDecision() { return decision; }
    public String getDecisionReason() { return decisionReason; }
    public Instant getDecidedAt() { return decidedAt; }
    public UUID getDecidedBy() { return decidedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    /** The optimistic-lock version (0 before the first save); not a bean getter, so that Spring Data reads the field to tell a new entity. */
    public long version() { return rowVersion == null ? 0 : rowVersion; }
}
