/**
 * What the modules truly share: error types, the clock, the audit event, web error rendering and
 * document rendering.
 * An open module, since sharing is its purpose.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package fr.referentia.shared;

import org.springframework.modulith.ApplicationModule;
