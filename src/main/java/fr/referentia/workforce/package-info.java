/**
 * Competency management (GPEC): proficiency scales, job profiles citing referential items, teams, job
 * assignments, self and manager assessments with their evidence; later gap analysis, heat map,
 * development plans and career interviews. People are account ids read through the account module's
 * {@code AccountDirectory}; items are {@code framework.ItemCitation}s. Other modules call
 * {@link fr.referentia.workforce.Workforce}. Never depends on {@code certification}.
 */
@ApplicationModule(displayName = "Compétences (GPEC)",
        allowedDependencies = {"account", "framework", "search", "shared", "shared :: *"})
package fr.referentia.workforce;

import org.springframework.modulith.ApplicationModule;
