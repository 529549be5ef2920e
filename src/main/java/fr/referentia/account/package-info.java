/**
 * Users, roles, organisations, sign-in, access tokens, the audit trail and personal-data rights.
 * Reads referentials (for accreditations and author names) through the {@code framework} module's
 * public API only.
 */
@ApplicationModule(displayName = "Comptes", allowedDependencies = {"framework", "shared"})
package fr.referentia.account;

import org.springframework.modulith.ApplicationModule;
