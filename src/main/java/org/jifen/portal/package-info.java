/**
 * The pages that bring the modules together for a person: the home page, the "me" page and the admin console's
 * entry page. Depends on every module it shows; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.jifen.portal;
