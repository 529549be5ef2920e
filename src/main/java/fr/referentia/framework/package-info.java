/**
 * Referentials: model, versions (published ones immutable), authoring, import and export.
 * Depends only on {@code shared}; other modules read referentials through its public services
 * ({@code FrameworkCatalog}, {@code FrameworkViews}) and never change one.
 */
@ApplicationModule(displayName = "Référentiels", allowedDependencies = "shared")
package fr.referentia.framework;

import org.springframework.modulith.ApplicationModule;
