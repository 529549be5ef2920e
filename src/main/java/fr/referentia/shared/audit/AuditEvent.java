package fr.referentia.shared.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * Something worth a line in the audit trail. Any module publishes it as an application event
 * (the account module records it synchronously, in the publisher's transaction, so a change
 * and its trace are committed or rolled back together).
 *
 * @param action         what was done, an upper-case code such as {@code FRAMEWORK_IMPORTED}
 * @param objectType     the kind of object, an upper-case code such as {@code FRAMEWORK}
 * @param objectId       the object's id or stable code
 * @param organisationId the organisation concerned, when there is one
 * @param subjectId      the user account the entry is about, when it is about a person
 * @param before         the object before the change (serialised to JSON), null for a creation
 * @param after          the object after the change (serialised to JSON), null for a removal
 * @param actorEmail     who did it; null means the signed-in person, or the system when nobody is
 */
public record AuditEvent(String action, String objectType, String objectId, UUID organisationId, UUID subjectId,
        Object before, Object after, String actorEmail) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
    }

    public static AuditEvent of(String action, String objectType, String objectId) {
        return new AuditEvent(action, objectType, objectId, null, null, null, null, null);
    }

    public AuditEvent organisation(UUID id) {
        return new AuditEvent(action, objectType, objectId, id, subjectId, before, after, actorEmail);
    }

    public AuditEvent subject(UUID id) {
        return new AuditEvent(action, objectType, objectId, organisationId, id, before, after, actorEmail);
    }

    public AuditEvent change(Object beforeState, Object afterState) {
        return new AuditEvent(action, objectType, objectId, organisationId, subjectId, beforeState, afterState,
                actorEmail);
    }

    public AuditEvent by(String email) {
        return new AuditEvent(action, objectType, objectId, organisationId, subjectId, before, after, email);
    }
}
