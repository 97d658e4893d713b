/**
 * The points engine's plain-Java domain. Its {@link org.jifen.points.domain.LearningEvent} is part of the module's
 * API (the argument of {@link org.jifen.points.PointsLedger#record}), so other modules may use this package's types.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.jifen.points.domain;
