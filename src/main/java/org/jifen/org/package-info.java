/**
 * Organization trees (district › subdistrict › community, party committee › general branch › branch, bureau ›
 * section), memberships, member import and export, sign-up into an organization, and the scoping of
 * organization admins to their subtree. Depends on {@code account}, {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations")
package org.jifen.org;
