/**
 * French full-text search of the referentials and their comparison. Reads referentials through
 * the {@code framework} module's public API only.
 */
@ApplicationModule(displayName = "Recherche et comparaison", allowedDependencies = {"framework", "shared"})
package fr.referentia.search;

import org.springframework.modulith.ApplicationModule;
