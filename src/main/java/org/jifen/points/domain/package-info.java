/**
 * The points rules as plain Java. Exposed as the named interface {@code domain} because the ledger's API takes
 * {@link org.jifen.points.domain.LearningEvent}: modules that emit events (content) build them.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.jifen.points.domain;
