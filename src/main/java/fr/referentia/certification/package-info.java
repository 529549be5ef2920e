/**
 * Certification: assessors' accreditations (R5); the catalogue of certifications and their sessions;
 * applications with their state machine ({@code ApplicationStateMachine}), the admissibility form
 * and documents of seed 004 part 2 and the office's decision (R2, R3, R12); later dossiers, grids,
 * juries, awards and credentials. People are account ids, read
 * through the account module's public services; referentials are codes of the framework module's
 * catalogue.
 */
@ApplicationModule(allowedDependencies = {"account", "framework", "shared", "shared :: *"})
package fr.referentia.certification;

import org.springframework.modulith.ApplicationModule;
